using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Host.Endpoints.Invoices;

/// <summary>An invoice as a PDF: for the order's buyer and staff (the same check as reading the invoice).</summary>
internal static class InvoicePdfEndpoints
{
    public static void MapInvoicePdfEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/invoices/{id:guid}/pdf", GetAsync)
            .RequireAuthorization(SleekPolicies.OrdersRead)
            .WithTags("Invoices")
            .WithName("GetInvoicePdf")
            // Described as a binary string, so a generated client gets bytes (the typed result alone documents no body).
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithSummary("The invoice as application/pdf: number, order, lines, due date, amounts and status. The order's buyer and staff; others 404.");
    }

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> GetAsync(
        Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var order = invoice is null ? null : await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == invoice.OrderId, cancellationToken);
        if (invoice is null || order is null)
        {
            return Problems.NotFound($"invoice {id} does not exist");
        }

        if (!ResourceAccess.CanSeeInvoice(SleekCaller.From(http.User), order.BuyerUserId))
        {
            await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcome.Denied, $"invoice={id}", "pdf", 404, cancellationToken);
            return Problems.NotFound($"invoice {id} does not exist");
        }

        var product = CategoryCatalog.Find(order.ProductType)?.DisplayName ?? order.ProductType;
        return TypedResults.File(InvoicePdf.Render(invoice, order, product), "application/pdf", $"{invoice.Number}.pdf");
    }
}
