namespace Sleek.Workflows.Marketplace.Files;

/// <summary>An S3-compatible bucket (<c>Files__S3__*</c>): AWS S3, MinIO, Ceph, Garage, R2…</summary>
public sealed class S3FilesOptions
{
    /// <summary>The bucket; setting it turns the S3 store on.</summary>
    public string? Bucket { get; set; }

    /// <summary>The endpoint of a non-AWS server, e.g. <c>http://minio:9000</c>; unset for AWS itself (then <see cref="Region"/> picks it).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region (AWS), or the signing region a non-AWS server expects (usually <c>us-east-1</c>).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Access key id; unset: the SDK's default chain (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret access key.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (<c>http://host/bucket/key</c>), which most non-AWS servers need; on by default when <see cref="ServiceUrl"/> is set.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Optional prefix of every key, e.g. <c>sleek/</c>, when the bucket is shared.</summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>True when a bucket is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Bucket);
}
