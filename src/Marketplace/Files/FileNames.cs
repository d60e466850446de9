namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// Uploaders' file names: kept only as metadata, never as a path. A name that tries to be a path (separators, <c>..</c>,
/// a drive) or carries control characters is refused, so the problem says so instead of quietly storing something else.
/// </summary>
public static class FileNames
{
    /// <summary>The longest name kept.</summary>
    public const int MaxLength = 200;

    /// <summary>Why <paramref name="name"/> is refused, or null when it is fine.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "has no file name";
        }

        if (name.Length > MaxLength)
        {
            return $"has a file name longer than {MaxLength} characters";
        }

        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            return "has a file name that is a path (/, \\, .. or a drive); send the bare name, e.g. licence.pdf";
        }

        if (name.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            return "has a file name with control characters";
        }

        return null;
    }

    /// <summary>The name as offered in a download's Content-Disposition: quotes, semicolons and commas become <c>_</c> (the header encodes the rest).</summary>
    public static string ForDownload(string name)
    {
        var chars = name.Select(c => c is '"' or ';' or ',' || char.IsControl(c) ? '_' : c).ToArray();
        var safe = new string(chars).Trim();
        return safe.Length == 0 ? "file" : safe;
    }
}
