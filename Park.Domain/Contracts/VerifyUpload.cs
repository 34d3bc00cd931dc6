namespace Park.Domain.Contracts;

/// <summary>What the public verify page accepts: a PDF (starts with "%PDF-") of at most 20 MB.</summary>
public static class VerifyUpload
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The problem code for a rejected upload, or null when it may be checked.</summary>
    public static string? Reject(long size, ReadOnlySpan<byte> start) =>
        size > MaxBytes ? "VerifyTooLarge"
        : start.Length < 5 || !start[..5].SequenceEqual("%PDF-"u8) ? "VerifyNotPdf"
        : null;
}
