using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Suppliers;

/// <summary>
/// Records ops' verification decision on a supplier: <c>verified</c> and <c>rejected</c> set its status (only verified
/// suppliers are offered orders); <c>more_requested</c> keeps it pending with the reason. The output carries what the
/// supplier's email needs.
/// </summary>
[Activity("SetSupplierVerification", InProcess = true, Category = "Suppliers", DisplayName = "Set supplier verification", Ports = ["Done"], OutputType = "object",
    Description = "Sets a supplier's verification: verified | rejected | more_requested (stays pending), with the reason.")]
public sealed class SetSupplierVerification : IActivity
{
    /// <summary>The supplier.</summary>
    [Input(Required = true, Description = "The supplier's id.")]
    public Guid SupplierId { get; set; }

    /// <summary>The decision.</summary>
    [Input(Required = true, Options = ["verified", "rejected", "more_requested"], Description = "Ops' decision.")]
    public string Decision { get; set; } = "";

    /// <summary>Why.</summary>
    [Input(Description = "The reason ops gave.")]
    public string? Reason { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var decision = Decision.Trim().ToLowerInvariant();
        VerificationStatus? status = decision switch
        {
            "verified" => VerificationStatus.Verified,
            "rejected" => VerificationStatus.Rejected,
            "more_requested" => VerificationStatus.Pending,
            _ => null,
        };
        if (status is null)
        {
            return ActivityResult.Fault($"decision '{Decision}' is not one of verified, rejected, more_requested", retryable: false);
        }

        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == SupplierId, context.CancellationToken);
        if (supplier is null)
        {
            return ActivityResult.Fault($"supplier {SupplierId} does not exist", retryable: false);
        }

        supplier.VerificationStatus = status.Value;
        supplier.VerificationReason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        supplier.VerificationChangedAt = context.Clock.GetUtcNow();
        await db.SaveChangesAsync(context.CancellationToken);
        context.Logger.LogInformation("Supplier {SupplierId} verification: {Decision}", SupplierId, decision);

        var publicUrl = context.Services.GetRequiredService<MarketplaceOptions>().PublicUrl.TrimEnd('/');
        return ActivityResult.Outcome("Done", new JsonObject
        {
            ["supplierId"] = SupplierId,
            ["name"] = supplier.Name,
            ["email"] = supplier.Email,
            ["status"] = SnakeCase.Of(status.Value.ToString()),
            ["decision"] = decision,
            ["reason"] = supplier.VerificationReason ?? "",
            ["portalUrl"] = $"{publicUrl}/supplier/onboarding",
        });
    }
}
