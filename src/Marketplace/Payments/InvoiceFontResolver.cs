using PdfSharp.Fonts;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>
/// PDFsharp's fonts on every machine: Linux has no font PDFsharp finds by itself ("No appropriate font found"), so every
/// family resolves to DejaVu Sans embedded in this assembly (bold simulated), and a fresh machine needs no font package.
/// </summary>
internal sealed class InvoiceFontResolver : IFontResolver
{
    /// <summary>The family invoices are drawn with.</summary>
    public const string Family = "DejaVu Sans";

    private const string Face = "DejaVuSans";
    private const string Resource = "Sleek.Workflows.Marketplace.Payments.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<byte[]> Bytes = new(Load);
    private static readonly object Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp allows one, set before the first font).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not InvoiceFontResolver)
            {
                GlobalFontSettings.FontResolver = new InvoiceFontResolver();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => Bytes.Value;

    private static byte[] Load()
    {
        using var stream = typeof(InvoiceFontResolver).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the embedded font {Resource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
