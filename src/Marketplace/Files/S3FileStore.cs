using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Sleek.Workflows.Marketplace.Files;

/// <summary>
/// Files in an S3-compatible bucket (<c>Files__S3__*</c>): what several hosts share. Uploads are sent unchunked
/// (<c>UseChunkEncoding = false</c>): some S3-compatible servers (s3rver) store aws-chunked signature lines inside
/// the object and still answer OK (docs/dependencies.md).
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>A client on the configured bucket.</summary>
    public S3FileStore(S3FilesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _bucket = options.Bucket ?? throw new ArgumentException("Files:S3:Bucket is not set", nameof(options));
        _prefix = options.KeyPrefix;
        var config = new AmazonS3Config { AuthenticationRegion = options.Region };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.ForcePathStyle = options.ForcePathStyle ?? true;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }

        _client = options.AccessKey is { Length: > 0 } access
            ? new AmazonS3Client(new BasicAWSCredentials(access, options.SecretKey ?? ""), config)
            : new AmazonS3Client(config);
    }

    /// <inheritdoc />
    public string Name => "s3";

    /// <inheritdoc />
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await _client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _bucket,
                Key = ObjectKey(key),
                InputStream = body,
                ContentType = contentType,
                UseChunkEncoding = false,
                AutoCloseStream = false,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_bucket, ObjectKey(key), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _client.DeleteObjectAsync(_bucket, ObjectKey(key), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private string ObjectKey(string key) => _prefix + StorageKeys.Checked(key);
}
