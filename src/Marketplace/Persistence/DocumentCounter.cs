namespace Sleek.Workflows.Marketplace.Persistence;

/// <summary>The last number handed out per prefix and year (table <c>document_counters</c>), see <see cref="DocumentNumbers"/>.</summary>
public sealed class DocumentCounter
{
    /// <summary>e.g. "INV-2026".</summary>
    public string Prefix { get; set; } = "";

    /// <summary>The last number used.</summary>
    public int LastNumber { get; set; }
}
