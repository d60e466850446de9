namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// A file's metadata (table <c>files</c>). The bytes live in the <see cref="IFileStore"/> under <see cref="StorageKey"/>,
/// a generated name: the uploader's file name is kept only as <see cref="OriginalName"/> and never used as a path.
/// </summary>
public sealed class StoredFile
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The kind of record it belongs to.</summary>
    public FileOwnerKind OwnerKind { get; set; }

    /// <summary>That record's id (a supplier's, a product's).</summary>
    public Guid OwnerId { get; set; }

    /// <summary>What it is for.</summary>
    public FileKind Kind { get; set; }

    /// <summary>The name the uploader gave, checked (no path, no control characters); shown and offered as the download name.</summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The type found in its first bytes (never the one the client claimed).</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Where the store keeps it: <c>files/&lt;id&gt;</c>, made here.</summary>
    public string StorageKey { get; set; } = "";

    /// <summary>The uploader's user id (or API key id).</summary>
    public string? UploadedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset UploadedAt { get; set; }
}
