namespace Sleek.Workflows.Marketplace.Files;

/// <summary>What a stored file is for: decides the types it may have and its size limit (<see cref="FileKinds"/>).</summary>
public enum FileKind
{
    /// <summary>A supplier's business licence: PDF or image.</summary>
    BusinessLicence,

    /// <summary>A supplier's certificate (OEKO-TEX, GOTS, …): PDF or image.</summary>
    Certificate,

    /// <summary>Another supplier document ops asked for: PDF or image.</summary>
    OtherDocument,

    /// <summary>A product image: PNG, JPEG or WebP only.</summary>
    ProductImage,
}
