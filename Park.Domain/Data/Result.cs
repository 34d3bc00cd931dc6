namespace Park.Domain.Data;

/// <summary>What went wrong, in a form pages, API and CLI can each present in the user's language.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    NotAllowed,
    Stale,
}

/// <summary>
/// An expected failure: <paramref name="Code"/> is a resource key (localized by the caller),
/// <paramref name="Field"/> names the input it is about, <paramref name="Args"/> fill the message.
/// </summary>
public sealed record Problem(ErrorKind Kind, string Code, string? Field = null, params object[] Args)
{
    public static Problem Invalid(string field, string code, params object[] args) => new(ErrorKind.Invalid, code, field, args);

    public static Problem NotFound(string code = "NotFound") => new(ErrorKind.NotFound, code);

    public static Problem Conflict(string code, params object[] args) => new(ErrorKind.Conflict, code, null, args);

    public static Problem NotAllowed(string code = "NotAllowed") => new(ErrorKind.NotAllowed, code);

    public static Problem Stale() => new(ErrorKind.Stale, "StaleRecord");
}

#pragma warning disable CA1000 // Result<T>.Ok/Fail are the idiomatic factory pair.
public readonly record struct Result<T>
{
    private Result(T? value, Problem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public Problem? Problem { get; }

    public bool Succeeded => Problem is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Problem problem) => new(default, problem);

    public static implicit operator Result<T>(Problem problem) => Fail(problem);

    public static implicit operator Result<T>(T value) => Ok(value);
}
#pragma warning restore CA1000
