using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Activities.Orders;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Activities.Catalog;

/// <summary>
/// Records ops' review of a product revision: <c>approve</c> makes it the product's listed form (buyers see it),
/// <c>reject</c> keeps the reason on the revision and leaves the listed form as it was.
/// </summary>
[Activity(
    "RecordProductReview",
    InProcess = true,
    Category = "Marketplace",
    DisplayName = "Record product review",
    Description = "Approves a product revision (it becomes the listed form) or rejects it with a reason.",
    OutputType = "object")]
public sealed class RecordProductReview : IActivity
{
    /// <summary>The revision.</summary>
    [Input(Required = true, Description = "The revision id, e.g. input.revisionId.")]
    public string RevisionId { get; set; } = "";

    /// <summary>approve or reject.</summary>
    [Input(Required = true, Options = ["approve", "reject"], Description = "The decision.")]
    public string Decision { get; set; } = "";

    /// <summary>Why (required to reject).</summary>
    [Input(Description = "The reason ops gave; required to reject.")]
    public string? Reason { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!MarketplaceIds.TryParse(RevisionId, "revisionId", out var revisionId, out var error))
        {
            return ActivityResult.Fault(error);
        }

        if (Decision is not ("approve" or "reject"))
        {
            return ActivityResult.Fault($"decision '{Decision}' is not approve or reject", retryable: false);
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var (revision, refused) = await ProductReviews.DecideAsync(db, revisionId, Decision == "approve", Reason, context.Clock.GetUtcNow().UtcDateTime, context.CancellationToken);
        return revision is null ? ActivityResult.Fault(refused!, retryable: false) : ActivityResult.Done(ProductRevisionOutput.Of(revision));
    }
}
