namespace Sleek.Workflows.Marketplace.Files;

/// <summary>Per kind of file: the types it may have and its size limit.</summary>
public static class FileKinds
{
    /// <summary>The content types <paramref name="kind"/> accepts.</summary>
    public static IReadOnlyList<string> AllowedTypes(FileKind kind) =>
        kind == FileKind.ProductImage ? FileContentTypes.Images : FileContentTypes.ImagesAndPdf;

    /// <summary>Its size limit in bytes.</summary>
    public static long MaxBytes(FileKind kind, FilesOptions options) =>
        kind == FileKind.ProductImage ? options.MaxImageBytes : options.MaxDocumentBytes;

    /// <summary>The kinds a supplier uploads as documents.</summary>
    public static readonly IReadOnlyList<FileKind> SupplierDocuments = [FileKind.BusinessLicence, FileKind.Certificate, FileKind.OtherDocument];
}
