namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// The types a file may have, found from its first bytes (magic numbers): what the client says (Content-Type,
/// the name's extension) is never trusted. Only PNG, JPEG, WebP and PDF are known; anything else is refused.
/// </summary>
public static class FileContentTypes
{
    /// <summary>image/png.</summary>
    public const string Png = "image/png";

    /// <summary>image/jpeg.</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>image/webp.</summary>
    public const string WebP = "image/webp";

    /// <summary>application/pdf.</summary>
    public const string Pdf = "application/pdf";

    /// <summary>The images.</summary>
    public static readonly IReadOnlyList<string> Images = [Png, Jpeg, WebP];

    /// <summary>Images and PDF.</summary>
    public static readonly IReadOnlyList<string> ImagesAndPdf = [Png, Jpeg, WebP, Pdf];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type the bytes start with, or null for anything not known here.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Png;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return Jpeg;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return bytes.StartsWith("%PDF-"u8) ? Pdf : null;
    }
}
