using Microsoft.AspNetCore.Http.Metadata;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>Endpoint metadata raising (or lowering) the body cap of <see cref="BodySizeLimitMiddleware"/>.</summary>
/// <param name="MaxRequestBodySize">Bytes.</param>
internal sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
