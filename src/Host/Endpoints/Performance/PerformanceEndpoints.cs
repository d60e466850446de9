using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quality;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Endpoints.Performance;

/// <summary>
/// The supply side's scores: a supplier's performance loop (ops, and the supplier itself) and an order's quality risk
/// with its factors (ops, and the order's supplier; not the buyer). Anyone else gets 404, audited.
/// </summary>
internal static class PerformanceEndpoints
{
    public static void MapPerformanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suppliers/{id:guid}/performance", PerformanceAsync).WithTags("Suppliers").RequireAuthorization(SleekPolicies.OrdersRead)
            .WithName("GetSupplierPerformance")
            .WithSummary("A supplier's performance: active, total, delivered and cancelled orders, on-time rate (promised vs actual stage and delivery dates), rating and QC fail rate. Ops, and the supplier for its own id.");
        app.MapGet("/api/orders/{id:guid}/risk", RiskAsync).WithTags("Orders").RequireAuthorization(SleekPolicies.OrdersRead)
            .WithName("GetOrderRisk")
            .WithSummary("An order's quality risk, 0-100, with each factor's weight, value, points and explanation (supplier QC fail rate, lateness, complexity, quantity against capacity). Ops, and the order's supplier.");
    }

    private static async Task<Results<Ok<SupplierPerformanceDto>, NotFoundProblem>> PerformanceAsync(Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!await MaySeeAsync(http, id, $"supplier={id}", audit, cancellationToken))
        {
            return Problems.NotFound($"no supplier has id {id}");
        }

        await using var db = marketplace.CreateContext();
        var s = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return s is null
            ? Problems.NotFound($"no supplier has id {id}")
            : TypedResults.Ok(new SupplierPerformanceDto(s.Id, s.Name, s.ActiveOrders, s.Capacity, s.TotalOrders, s.DeliveredOrders, s.CancelledOrders,
                s.OnTimeRate, s.OnTimeEvents, s.TimedEvents, s.Rating, s.QcInspections, s.QcFailures, Math.Round(SupplierPerformance.QcFailRate(s), 4)));
    }

    private static async Task<Results<Ok<QualityRiskAssessment>, NotFoundProblem>> RiskAsync(Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var supplierId = await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.SupplierId }).FirstOrDefaultAsync(cancellationToken);
        if (supplierId is null || !await MaySeeAsync(http, supplierId.SupplierId, $"order={id}", audit, cancellationToken))
        {
            return Problems.NotFound($"no order has id {id}");
        }

        return await QualityRisk.ForOrderAsync(db, id, cancellationToken) is { } risk ? TypedResults.Ok(risk) : Problems.NotFound($"no order has id {id}");
    }

    /// <summary>Staff (or a key bound to no party); otherwise only the supplier's own users or keys. A refusal is audited.</summary>
    private static async Task<bool> MaySeeAsync(HttpContext http, Guid? supplierId, string resource, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = SleekCaller.From(http.User);
        var role = caller.IsApiKey ? caller.PartyRole : caller.Role;
        var allowed = caller.IsStaff
            || (caller.IsApiKey && caller.PartyRole is null)
            || (SleekRoles.IsSupplierSide(role) && supplierId is { } s && caller.PartyId == s.ToString());
        if (!allowed)
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, resource, $"{http.Request.Method} supply scores", 404, cancellationToken);
        }

        return allowed;
    }
}
