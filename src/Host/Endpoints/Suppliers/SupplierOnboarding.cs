using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Links;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Suppliers;

/// <summary>
/// The suppliers API's side of <c>workflows/supplier-onboarding</c>: starts it for a new supplier (correlation id = the
/// supplier's id) and raises its events after the API has checked the caller. Events go in as the system, so the resume
/// gate's party rules (made for orders) need no onboarding case.
/// </summary>
internal sealed class SupplierOnboarding(WorkflowRuntime runtime, MarketplaceDb marketplace, CapabilityTokens tokens, MarketplaceOptions options, TimeProvider clock, ILogger<SupplierOnboarding> logger)
{
    /// <summary>The workflow.</summary>
    public const string DefinitionId = "supplier-onboarding";

    /// <summary>The supplier submitted its documents for verification.</summary>
    public const string DocumentsSubmitted = "SupplierDocumentsSubmitted";

    /// <summary>Its certificates were edited: the certificate watch re-plans.</summary>
    public const string CertificatesChanged = "SupplierCertificatesChanged";

    private const string InvitePurpose = "supplier-invitation";

    /// <summary>Days an invitation link stays valid.</summary>
    public const int InvitationDays = 30;

    /// <summary>Starts onboarding for the supplier and records the instance on it; false (logged) when the workflow is not published.</summary>
    public async Task<Guid?> StartAsync(Supplier supplier, bool invited, CancellationToken cancellationToken)
    {
        var input = new JsonObject
        {
            ["supplierId"] = supplier.Id.ToString(),
            ["name"] = supplier.Name,
            ["email"] = supplier.Email,
            ["invited"] = invited,
            ["signUpUrl"] = invited ? SignUpUrl(supplier.Id) : "",
        };
        var started = await runtime.StartAsync(new StartRequest(DefinitionId, null, supplier.Id.ToString(), input, StableInstanceId(supplier.Id)), cancellationToken);
        if (started.Value is null)
        {
            logger.LogWarning("Supplier {SupplierId}: onboarding not started ({Status}: {Message})", supplier.Id, started.Status, started.Message);
            return null;
        }

        await using var db = marketplace.CreateContext();
        await db.WriteAsync(ct => db.Suppliers.Where(s => s.Id == supplier.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.OnboardingInstanceId, started.Value.Id), ct), cancellationToken);
        supplier.OnboardingInstanceId = started.Value.Id;
        return started.Value.Id;
    }

    /// <summary>Raises an onboarding event for the supplier; the number of instances it resumed (0: none was waiting for it).</summary>
    public async Task<int> RaiseAsync(string eventName, Guid supplierId, JsonObject? payload, CancellationToken cancellationToken)
    {
        var result = await runtime.PublishEventAsync(eventName, supplierId.ToString(), payload ?? [], ResumeCaller.Internal("suppliers-api"), cancellationToken);
        return result.Value?.Resumed.Count ?? 0;
    }

    /// <summary>The sign-up link an invitation e-mail carries.</summary>
    public string SignUpUrl(Guid supplierId) =>
        $"{options.PublicUrl.TrimEnd('/')}/supplier/signup?supplier={supplierId}&invitation={Uri.EscapeDataString(tokens.Sign(InvitePurpose, supplierId.ToString(), clock.GetUtcNow().AddDays(InvitationDays)))}";

    /// <summary>Why an invitation token is refused, or null when it is good for this supplier.</summary>
    public string? CheckInvitation(Guid supplierId, string? token) => tokens.Check(InvitePurpose, supplierId.ToString(), token, clock.GetUtcNow());

    // One onboarding per supplier: a repeated start finds the first instance instead of making a second.
    private static Guid StableInstanceId(Guid supplierId)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"supplier-onboarding:{supplierId}"));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
