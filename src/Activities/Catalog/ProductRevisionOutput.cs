using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Catalog;

namespace Sleek.Workflows.Activities.Catalog;

/// <summary>What the catalog activities output: the revision's id, product, number, status and reason.</summary>
internal static class ProductRevisionOutput
{
    public static JsonObject Of(ProductRevision revision) => new()
    {
        ["revisionId"] = revision.Id.ToString(),
        ["productId"] = revision.ProductId.ToString(),
        ["number"] = revision.Number,
        ["status"] = revision.Status.ToString().ToLowerInvariant(),
        ["title"] = revision.Title,
        ["rejectionReason"] = revision.RejectionReason,
    };
}
