using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Catalog;
using Sleek.Workflows.Marketplace.Links;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Production;

namespace Sleek.Workflows.Activities.Email;

/// <summary>
/// The standard fields of an email model, read from the records an email is about (quote, order, invoice,
/// production stage), so a workflow passes ids instead of re-typing every field a template reads, and
/// every email shows the stored numbers, not a copy of them. <c>SendEmail</c>'s explicit model is laid
/// over these fields (it wins), for what only the workflow knows.
/// </summary>
internal static class EmailFacts
{
    private const string Day = "yyyy-MM-dd";

    public static async Task<JsonObject> ReadAsync(
        MarketplaceDbContext db, QuoteLinks links, string recipient, DateTime now, Guid? quoteId, Guid? orderId, Guid? invoiceId, int? stageSequence, CancellationToken cancellationToken)
    {
        var model = new JsonObject { ["Currency"] = "USD" };
        var order = orderId is { } oid ? await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == oid, cancellationToken) : null;
        var quoteKey = quoteId ?? order?.QuoteId;
        var quote = quoteKey is { } qid ? await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == qid, cancellationToken) : null;
        if (quote is not null)
        {
            model["QuoteNumber"] = quote.Number;
            model["ProductType"] = CategoryCatalog.Find(quote.ProductType)?.DisplayName ?? quote.ProductType;
            model["Quantity"] = quote.Quantity;
            model["Complexity"] = quote.Complexity.ToString().ToLowerInvariant();
            model["UnitPrice"] = quote.UnitPrice;
            model["Total"] = quote.Total;
            model["LeadTimeDays"] = quote.LeadTimeDays;
            model["BuyerName"] = quote.Name;
            model["BuyerEmail"] = quote.Email;
            model["Fabric"] = quote.Fabric;
            model["Requirements"] = quote.Requirements;
            model["AiSummary"] = SummaryOf(quote.AiSuggestions);
            // An anonymous quote's link carries its capability token, but only in mail to the address that asked for it
            // (the buyer opens and accepts it without an account); ops and anyone else get the plain page.
            var toBuyer = string.Equals(recipient.Trim(), quote.Email.Trim(), StringComparison.OrdinalIgnoreCase);
            model["QuoteUrl"] = toBuyer && quote.BuyerUserId is null ? links.QuoteWithToken(quote.Id) : links.Quote(quote.Id);
            model["AcceptUrl"] = model["QuoteUrl"]?.DeepClone();
            model["FollowUpBy"] = quote.CreatedAt.AddHours(24).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            // Follow-ups: docs/domain.md's 10% discount, valid a week; the urgent one names when the quote lapses.
            model["DiscountPercent"] = 10;
            model["DiscountedTotal"] = Math.Round(quote.Total * 0.9m, 2, MidpointRounding.AwayFromZero);
            model["OfferValidUntil"] = now.AddDays(7).ToString(Day, CultureInfo.InvariantCulture);
            model["ExpiresAt"] = now.AddDays(2).ToString(Day, CultureInfo.InvariantCulture);
        }

        if (order is not null)
        {
            model["OrderNumber"] = order.Number;
            model["ProductType"] ??= CategoryCatalog.Find(order.ProductType)?.DisplayName ?? order.ProductType;
            model["Quantity"] = order.Quantity;
            model["UnitPrice"] = order.UnitPrice;
            model["Total"] = order.Total;
            model["BuyerEmail"] ??= order.BuyerEmail;
            model["DepositAmount"] = InvoiceAmounts.For(InvoiceKind.Deposit, order.Total);
            model["OrderUrl"] = links.Order(order.Id);
            model["PayUrl"] = links.Order(order.Id);
            model["Carrier"] = order.Carrier;
            model["TrackingNumber"] = order.TrackingNumber;
            model["ShippedAt"] = now.ToString(Day, CultureInfo.InvariantCulture);
            model["DeliveredAt"] = now.ToString(Day, CultureInfo.InvariantCulture);
            model["SupplierPrice"] = order.SupplierPrice;
            model["RespondBy"] = now.AddDays(2).ToString(Day, CultureInfo.InvariantCulture);
            // A supplier answers an offer on its Offers page (sign-in first, then back there).
            model["AcceptUrl"] = links.Page("/offers");
            model["DeclineUrl"] = links.Page("/offers");
            if (order.SupplierId is { } sid && await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid, cancellationToken) is { } supplier)
            {
                model["SupplierName"] = supplier.Name;
                model["SupplierEmail"] = supplier.Email;
            }
        }

        if (invoiceId is { } iid && await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == iid, cancellationToken) is { } invoice)
        {
            var payment = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == iid).OrderByDescending(p => p.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
            model["InvoiceNumber"] = invoice.Number;
            model["Kind"] = invoice.Kind.ToString().ToLowerInvariant();
            model["Amount"] = invoice.Amount;
            model["Currency"] = invoice.Currency;
            model["IssuedAt"] = invoice.IssuedAt.ToString(Day, CultureInfo.InvariantCulture);
            model["DueDate"] = invoice.DueAt.ToString(Day, CultureInfo.InvariantCulture);
            model["PayUrl"] = links.Invoice(invoice.OrderId, invoice.Id);
            model["PaidAt"] = (invoice.PaidAt ?? now).ToString(Day, CultureInfo.InvariantCulture);
            model["PaymentReference"] = payment?.ExternalId ?? invoice.PaymentIntentId ?? invoice.Number;
        }

        if (stageSequence is { } sequence && order is not null
            && await db.ProductionStages.AsNoTracking().SingleOrDefaultAsync(s => s.OrderId == order.Id && s.Sequence == sequence, cancellationToken) is { } stage)
        {
            model["StageName"] = stage.Name;
            model["StageSequence"] = stage.Sequence;
            model["StageCount"] = StandardStages.All.Count;
            model["PlannedEnd"] = stage.PlannedEnd?.ToString(Day, CultureInfo.InvariantCulture);
            var late = stage.PlannedEnd is { } end ? (stage.ActualEnd ?? now) - end : TimeSpan.Zero;
            model["DaysLate"] = late > TimeSpan.Zero ? (int)Math.Ceiling(late.TotalDays) : 0;
            model["Event"] = stage.ActualEnd is not null ? "completed" : late > TimeSpan.Zero ? "late" : "started";
        }

        return model;
    }

    /// <summary>The links the facts make from <c>Marketplace:PublicUrl</c>: a workflow's model cannot point them elsewhere.</summary>
    public static readonly IReadOnlySet<string> LinkFields = new HashSet<string>(StringComparer.Ordinal) { "QuoteUrl", "AcceptUrl", "DeclineUrl", "OrderUrl", "PayUrl" };

    /// <summary>The explicit model laid over the standard fields: its fields win, except the links the facts made.</summary>
    public static JsonObject Merge(JsonObject facts, JsonObject? explicitModel)
    {
        foreach (var (name, value) in explicitModel ?? [])
        {
            if (LinkFields.Contains(name) && facts[name] is not null)
            {
                continue;
            }

            facts[name] = value?.DeepClone();
        }

        return facts;
    }

    private static string? SummaryOf(string? aiSuggestions)
    {
        if (string.IsNullOrEmpty(aiSuggestions))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(aiSuggestions)?["summary"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
