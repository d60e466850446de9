using System.Text.Json.Nodes;

namespace Sleek.Workflows.Marketplace.Tests.Email;

/// <summary>A realistic model for each email template, as the activities will build them.</summary>
internal static class EmailModels
{
    public static readonly string[] TemplateNames =
    [
        "delivered", "invoice", "lead-follow-up-discount", "lead-follow-up-gentle", "lead-follow-up-urgent",
        "ops-new-quote", "order-confirmation", "password-reset", "payment-receipt", "production-delay-alert", "production-update",
        "quote-claim", "quote-confirmation", "shipped", "supplier-assignment",
        // Supplier onboarding (issue 15).
        "certificate-expiry", "supplier-invitation", "supplier-verification",
    ];

    public static TheoryData<string> Names() => [.. TemplateNames];

    public static JsonObject For(string template) => template switch
    {
        "quote-confirmation" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["QuoteNumber"] = "Q-2026-0042", ["ProductType"] = "T-shirt", ["Quantity"] = 150,
            ["Complexity"] = "medium", ["UnitPrice"] = 8.645m, ["Total"] = 1296.75m, ["Currency"] = "USD", ["LeadTimeDays"] = 14,
            ["AiSummary"] = "Combed cotton jersey suits this run; consider a two-colour sample first.",
            ["AcceptUrl"] = "https://sleek.example/quotes/3f2a/accept?token=abc",
        },
        "ops-new-quote" => new()
        {
            ["QuoteNumber"] = "Q-2026-0042", ["BuyerEmail"] = "dana@whitfield.example", ["BuyerName"] = "Dana Whitfield",
            ["ProductType"] = "T-shirt", ["Quantity"] = 150, ["Complexity"] = "medium", ["Total"] = 1296.75m, ["Currency"] = "USD",
            ["LeadTimeDays"] = 14, ["Requirements"] = "Pantone 186 C, woven neck label", ["FollowUpBy"] = "2026-05-02 10:00 UTC",
            ["QuoteUrl"] = "https://sleek.example/ops/quotes/3f2a",
        },
        "lead-follow-up-gentle" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["QuoteNumber"] = "Q-2026-0042", ["ProductType"] = "T-shirt", ["Quantity"] = 150,
            ["Total"] = 1296.75m, ["Currency"] = "USD", ["AcceptUrl"] = "https://sleek.example/quotes/3f2a/accept",
        },
        "lead-follow-up-discount" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["QuoteNumber"] = "Q-2026-0042", ["ProductType"] = "T-shirt", ["Quantity"] = 150,
            ["Total"] = 1296.75m, ["DiscountPercent"] = 10, ["DiscountedTotal"] = 1167.08m, ["Currency"] = "USD",
            ["OfferValidUntil"] = "2026-05-15", ["AcceptUrl"] = "https://sleek.example/quotes/3f2a/accept",
        },
        "lead-follow-up-urgent" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["QuoteNumber"] = "Q-2026-0042", ["ProductType"] = "T-shirt", ["Quantity"] = 150,
            ["Total"] = 1296.75m, ["Currency"] = "USD", ["ExpiresAt"] = "2026-05-20", ["AcceptUrl"] = "https://sleek.example/quotes/3f2a/accept",
        },
        "quote-claim" => new()
        {
            ["DisplayName"] = "Dana Whitfield", ["ClaimUrl"] = "https://sleek.example/claim-quotes?token=1799.abc", ["QuoteCount"] = 2, ["ExpiresInDays"] = 7,
        },
        "password-reset" => new()
        {
            ["DisplayName"] = "Dana Whitfield", ["ResetUrl"] = "https://sleek.example/reset-password?token=abc", ["ExpiresInMinutes"] = 30,
        },
        "order-confirmation" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["OrderNumber"] = "ORD-2026-0007", ["QuoteNumber"] = "Q-2026-0042", ["ProductType"] = "T-shirt",
            ["Quantity"] = 150, ["UnitPrice"] = 8.645m, ["Total"] = 1296.75m, ["Currency"] = "USD", ["LeadTimeDays"] = 14,
            ["DepositAmount"] = 389.03m, ["OrderUrl"] = "https://sleek.example/orders/9c1d",
        },
        "invoice" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["InvoiceNumber"] = "INV-2026-0012", ["OrderNumber"] = "ORD-2026-0007", ["Kind"] = "deposit",
            ["Amount"] = 389.03m, ["Currency"] = "USD", ["IssuedAt"] = "2026-05-01", ["DueDate"] = "2026-05-08",
            ["PayUrl"] = "https://sleek.example/invoices/INV-2026-0012/pay",
        },
        "payment-receipt" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["InvoiceNumber"] = "INV-2026-0012", ["OrderNumber"] = "ORD-2026-0007",
            ["Amount"] = 389.03m, ["Currency"] = "USD", ["PaidAt"] = "2026-05-03", ["PaymentReference"] = "pi_3QabcDEF123",
        },
        "supplier-assignment" => new()
        {
            ["SupplierName"] = "Dhaka Knit Works", ["OrderNumber"] = "ORD-2026-0007", ["ProductType"] = "T-shirt", ["Quantity"] = 150,
            ["Complexity"] = "medium", ["Fabric"] = "Cotton jersey 180 gsm", ["Requirements"] = "Pantone 186 C, woven neck label",
            ["SupplierPrice"] = 1167.08m, ["Currency"] = "USD", ["LeadTimeDays"] = 14, ["RespondBy"] = "2026-05-04 12:00 UTC",
            ["AcceptUrl"] = "https://sleek.example/offers/77/accept", ["DeclineUrl"] = "https://sleek.example/offers/77/decline",
        },
        "production-update" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["OrderNumber"] = "ORD-2026-0007", ["StageName"] = "Cutting", ["StageSequence"] = 4,
            ["StageCount"] = 11, ["Event"] = "started", ["PlannedEnd"] = "2026-05-20", ["OrderUrl"] = "https://sleek.example/orders/9c1d",
        },
        "production-delay-alert" => new()
        {
            ["OrderNumber"] = "ORD-2026-0007", ["StageName"] = "Sewing & Assembly", ["PlannedEnd"] = "2026-06-03", ["DaysLate"] = 3,
            ["SupplierName"] = "Dhaka Knit Works", ["SupplierEmail"] = "orders@dhakaknit.example", ["OrderUrl"] = "https://sleek.example/ops/orders/9c1d",
        },
        "shipped" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["OrderNumber"] = "ORD-2026-0007", ["Carrier"] = "DHL Express", ["TrackingNumber"] = "1234567890",
            ["TrackingUrl"] = "https://www.dhl.com/track?tracking-id=1234567890", ["ShippedAt"] = "2026-06-20", ["EstimatedDelivery"] = "2026-06-24",
        },
        "delivered" => new()
        {
            ["BuyerName"] = "Dana Whitfield", ["OrderNumber"] = "ORD-2026-0007", ["DeliveredAt"] = "2026-06-24",
            ["OrderUrl"] = "https://sleek.example/orders/9c1d", ["FeedbackUrl"] = "https://sleek.example/orders/9c1d/feedback",
        },
        "supplier-invitation" => new()
        {
            ["SupplierName"] = "Dhaka Knit Works", ["SignUpUrl"] = "https://sleek.example/supplier/signup?invite=7c1e.abc",
        },
        "supplier-verification" => new()
        {
            ["SupplierName"] = "Dhaka Knit Works", ["Decision"] = "rejected", ["Reason"] = "The business licence has expired; send the renewed one.",
            ["PortalUrl"] = "https://sleek.example/supplier/onboarding",
        },
        "certificate-expiry" => new()
        {
            ["SupplierName"] = "Dhaka Knit Works", ["Expiring"] = new JsonArray("GOTS (until 2027-01-04)"), ["Expired"] = new JsonArray("OEKO-TEX"),
            ["PortalUrl"] = "https://sleek.example/supplier/onboarding",
        },
        _ => throw new ArgumentException($"No sample model for {template}", nameof(template)),
    };
}
