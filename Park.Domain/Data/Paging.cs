using Park.Domain.Access;

namespace Park.Domain.Data;

/// <summary>A page request as lists and the API take it; page numbers start at 1.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 200;

    public int SafePage => Math.Max(1, Page);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public int Offset => (SafePage - 1) * SafePageSize;
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public static class SqlText
{
    /// <summary>Escapes LIKE wildcards; use with <c>LIKE @p ESCAPE '\'</c>.</summary>
    public static string Contains(string value) =>
        "%" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// A WHERE clause of the predicates that test something (<see cref="AccessScope.Always"/> dropped), or nothing:
    /// SQLite counts a table without WHERE from its b-tree alone, and with even <c>WHERE 1 = 1</c> steps every row.
    /// </summary>
    public static string Where(IEnumerable<string> predicates)
    {
        var tests = predicates.Where(p => !string.Equals(p, AccessScope.Always, StringComparison.Ordinal)).ToArray();
        return tests.Length == 0 ? "" : "WHERE " + string.Join("\n  AND ", tests);
    }
}
