using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Catalog;

/// <summary>
/// Stores a supplier's product submission as a pending revision (and the product with its first one) in the burst's
/// transaction. The draft is checked again with <see cref="ProductRules"/>, since a workflow can be started without the
/// products API; a revision that exists already (a re-run) is returned as it is.
/// </summary>
[Activity(
    "SubmitProductRevision",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Submit product revision",
    Description = "Stores a supplier's new or changed product as a revision pending ops review.",
    OutputType = "object")]
public sealed class SubmitProductRevision : IActivity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The revision's id (the instance's correlation id).</summary>
    [Input(Required = true, Description = "The revision id, e.g. input.revisionId.")]
    public string RevisionId { get; set; } = "";

    /// <summary>The product.</summary>
    [Input(Required = true, Description = "The product id, e.g. input.productId.")]
    public string ProductId { get; set; } = "";

    /// <summary>The supplier submitting it.</summary>
    [Input(Required = true, Description = "The supplier id, e.g. input.supplierId.")]
    public string SupplierId { get; set; } = "";

    /// <summary>The product's fields.</summary>
    [Input(Required = true, Description = "The product (category, title, description, moq, basePrice, currency, leadTimeDays), e.g. input.product.")]
    public JsonObject? Product { get; set; }

    /// <summary>Who submitted it.</summary>
    [Input(Description = "The submitting user, e.g. input.submittedBy.")]
    public string? SubmittedBy { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(RevisionId, "revisionId", out var revisionId, out var error)
            || !MarketplaceIds.TryParse(ProductId, "productId", out var productId, out error)
            || !MarketplaceIds.TryParse(SupplierId, "supplierId", out var supplierId, out error))
        {
            return ActivityResult.Fault(error);
        }

        ProductDraft? draft;
        try
        {
            draft = Product?.Deserialize<ProductDraft>(Json);
        }
        catch (JsonException ex)
        {
            return ActivityResult.Fault($"product is not a product: {ex.Message}");
        }

        var valid = ProductRules.Validate(draft ?? new ProductDraft(), out var errors);
        if (valid is null)
        {
            return ActivityResult.Fault("product is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), retryable: false);
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var (revision, refused) = await ProductReviews.SubmitAsync(
            db, revisionId, productId, supplierId, valid, SubmittedBy, context.InstanceId, context.Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
        return revision is null ? ActivityResult.Fault(refused!, retryable: false) : ActivityResult.Done(ProductRevisionOutput.Of(revision));
    }
}
