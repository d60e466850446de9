using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Host.Audit;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Apis;

/// <summary>Invoices: read one or an order's, and take a Stripe payment intent for one.</summary>
internal static class InvoicesApi
{
    public static void MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/invoices/{id:guid}", GetAsync)
            .RequireAuthorization(SleekPolicies.OrdersRead)
            .WithTags("Invoices")
            .WithSummary("An invoice with its payments.");
        app.MapGet("/api/orders/{id:guid}/invoices", ListAsync)
            .RequireAuthorization(SleekPolicies.OrdersRead)
            .WithTags("Invoices")
            .WithSummary("An order's invoices, oldest first.");
        app.MapPost("/api/invoices/{id:guid}/payment-intent", CreatePaymentIntentAsync)
            .RequireAuthorization(SleekPolicies.SignedIn)
            .WithTags("Invoices")
            .WithSummary("A Stripe payment intent for a pending invoice (the same one again while it is open): its client secret is for Stripe.js.");
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null || !await MaySeeAsync(http, db, invoice.OrderId, audit, $"invoice={id}", cancellationToken))
        {
            return Problems.NotFound($"invoice {id} does not exist");
        }

        var view = InvoiceViews.ToJson(invoice);
        view["payments"] = new JsonArray([.. (await InvoicePayments.OfAsync(db, id, cancellationToken)).Select(p => (JsonNode)new JsonObject
        {
            ["paymentId"] = p.Id.ToString(),
            ["provider"] = InvoiceViews.Name(p.Provider),
            ["externalId"] = p.ExternalId,
            ["amount"] = p.Amount,
            ["receivedAt"] = InvoiceViews.Time(p.ReceivedAt),
            ["stripeEventId"] = p.StripeEventId,
        })]);
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> ListAsync(Guid id, HttpContext http, MarketplaceDb marketplace, IAuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        if (!await MaySeeAsync(http, db, id, audit, $"order={id} invoices", cancellationToken))
        {
            return Problems.NotFound($"order {id} does not exist");
        }

        var invoices = await db.Invoices.AsNoTracking().Where(i => i.OrderId == id).OrderBy(i => i.IssuedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(new JsonArray([.. invoices.Select(i => (JsonNode)InvoiceViews.ToJson(i))]));
    }

    private static async Task<IResult> CreatePaymentIntentAsync(Guid id, HttpContext http, MarketplaceDb marketplace, StripePayments stripe, IAuditLog audit, CancellationToken cancellationToken)
    {
        Invoice? invoice;
        var caller = SleekCaller.From(http.User);
        await using (var db = marketplace.CreateContext())
        {
            invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
            // DOMAIN: only the order's buyer or an admin takes a payment intent.
            var buyer = invoice is null ? null : await db.Orders.Where(o => o.Id == invoice.OrderId).Select(o => o.BuyerUserId).SingleOrDefaultAsync(cancellationToken);
            if (invoice is not null && !caller.IsAdmin && !(caller.Role == SleekRoles.Buyer && buyer is not null && buyer == caller.Id))
            {
                await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcomes.Denied, $"invoice={id}", "payment intent", 404, cancellationToken);
                invoice = null;
            }
        }

        if (invoice is null)
        {
            return Problems.NotFound($"invoice {id} does not exist");
        }

        if (!stripe.IsConfigured)
        {
            return Problems.Conflict("Stripe is not configured (Stripe:SecretKey is unset): ops confirm payments manually");
        }

        var cents = InvoiceAmounts.ToCents(invoice.Amount);
        if (InvoiceAmounts.PaymentIntentRefusal(invoice, cents) is { } refusal)
        {
            return Problems.Conflict(refusal);
        }

        try
        {
            // One open intent per invoice: reuse the stored one; a first one is created under a key of the invoice.
            var intent = invoice.PaymentIntentId is { } known
                ? await stripe.GetPaymentIntentAsync(known, cancellationToken)
                : await stripe.CreatePaymentIntentAsync(
                    new PaymentIntentRequest(cents, invoice.Currency, invoice.Id.ToString(), invoice.OrderId.ToString(), $"invoice-{invoice.Id:N}-payment-intent", $"Invoice {invoice.Number}"),
                    cancellationToken);
            if (InvoiceAmounts.PaymentIntentRefusal(invoice, intent.AmountCents) is { } mismatch)
            {
                return Problems.Conflict($"{mismatch} (payment intent {intent.Id})");
            }

            if (invoice.PaymentIntentId is null)
            {
                var stored = await StoreIntentAsync(marketplace, id, intent.Id, cancellationToken);
                if (stored != intent.Id)
                {
                    // The workflow stored its own intent meanwhile: hand out that one.
                    intent = await stripe.GetPaymentIntentAsync(stored, cancellationToken);
                }
            }

            return TypedResults.Ok(new JsonObject
            {
                ["invoiceId"] = invoice.Id.ToString(),
                ["number"] = invoice.Number,
                ["paymentIntentId"] = intent.Id,
                ["clientSecret"] = intent.ClientSecret,
                ["amount"] = InvoiceAmounts.FromCents(intent.AmountCents),
                ["currency"] = invoice.Currency,
            });
        }
        catch (PaymentProviderException ex)
        {
            return TypedResults.Problem(
                detail: ex.Message,
                statusCode: ex.IsTransient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
                title: ex.IsTransient ? "Stripe is unavailable; try again" : "Stripe refused the payment intent");
        }
    }

    /// <summary>Invoices are the buyer's: staff, the order's buyer, or a key with orders:read (bound to that buyer, or unbound). Others get 404 (and an audit entry).</summary>
    private static async Task<bool> MaySeeAsync(HttpContext http, MarketplaceDbContext db, Guid orderId, IAuditLog audit, string target, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.BuyerUserId }).SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return false;
        }

        if (ResourceAccess.CanSeeInvoice(SleekCaller.From(http.User), order.BuyerUserId))
        {
            return true;
        }

        await audit.RecordAsync(http, AuditActions.CrossTenant, AuditOutcomes.Denied, target, "read", 404, cancellationToken);
        return false;
    }

    /// <summary>Stores the intent id unless another was stored first; returns the one stored.</summary>
    private static async Task<string> StoreIntentAsync(MarketplaceDb marketplace, Guid invoiceId, string intentId, CancellationToken cancellationToken)
    {
        using var gate = await marketplace.WriteGateAsync(cancellationToken);
        await using var db = marketplace.CreateContext();
        var invoice = await db.Invoices.SingleAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice.PaymentIntentId is { } existing)
        {
            return existing;
        }

        invoice.PaymentIntentId = intentId;
        await db.SaveChangesAsync(cancellationToken);
        return intentId;
    }
}
