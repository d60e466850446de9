namespace Sleek.Workflows.Marketplace.Files;

/// <summary>File storage (configuration section <c>Files</c>; environment <c>Files__S3__Bucket</c> and so on).</summary>
public sealed class FilesOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Files";

    /// <summary>Largest supplier document (licence, certificate): 10 MB.</summary>
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest product image: 5 MB.</summary>
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The S3-compatible store; unset (no bucket) means the folder <c>&lt;Sleek:DataDirectory&gt;/files</c>.</summary>
    public S3FilesOptions S3 { get; set; } = new();

    /// <summary>The largest file of any kind (the upload endpoints' body cap adds room for the form around it).</summary>
    public long MaxBytes => Math.Max(MaxDocumentBytes, MaxImageBytes);
}
