using Sleek.Workflows.Marketplace.Orders;
using Sleek.Workflows.Marketplace.Payments;
using UglyToad.PdfPig;

namespace Sleek.Workflows.Marketplace.Tests.Payments;

/// <summary>The invoice PDF read back as text: number, order, lines, due date, amounts and status, with the embedded font (no machine font needed).</summary>
public sealed class InvoicePdfTests
{
    private static readonly Order Order = new()
    {
        Number = "ORD-2026-0007", BuyerEmail = "dana@whitfield.example", ProductType = "t_shirt", Quantity = 150, UnitPrice = 7.78m, Total = 1167.08m,
    };

    [Fact]
    public void A_pending_balance_invoice_carries_its_number_lines_due_date_and_amount_due()
    {
        var invoice = new Invoice
        {
            Number = "INV-2026-0031", Kind = InvoiceKind.Balance, Amount = 816.96m, Currency = "USD", Status = InvoiceStatus.Pending,
            IssuedAt = new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc), DueAt = new DateTime(2026, 12, 12, 10, 0, 0, DateTimeKind.Utc),
        };

        var text = Text(InvoicePdf.Render(invoice, Order, "T-shirt"));

        Assert.Contains("Invoice INV-2026-0031", text, StringComparison.Ordinal);
        Assert.Contains("ORD-2026-0007", text, StringComparison.Ordinal);
        Assert.Contains("dana@whitfield.example", text, StringComparison.Ordinal);
        // Words come back in the order of the page's layout, so each part is checked on its own.
        Assert.Contains("Due date 2026-12-12", text, StringComparison.Ordinal);
        Assert.Contains("Issued 2026-12-05", text, StringComparison.Ordinal);
        Assert.Contains("150 × T-shirt at 7.78 USD (order total 1,167.08 USD)", text, StringComparison.Ordinal);
        Assert.Contains("70 % balance of order ORD-2026-0007", text, StringComparison.Ordinal);
        Assert.Contains("Amount due", text, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(text, "816.96 USD"));
        Assert.Contains("reference INV-2026-0031", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paid_invoice_says_when_and_owes_nothing()
    {
        var invoice = new Invoice
        {
            Number = "INV-2026-0030", Kind = InvoiceKind.Deposit, Amount = 350.12m, Currency = "USD", Status = InvoiceStatus.Paid,
            IssuedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), DueAt = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc), PaidAt = new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc),
        };

        var text = Text(InvoicePdf.Render(invoice, Order, "T-shirt"));

        Assert.Contains("30 % deposit of order ORD-2026-0007", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "350.12 USD"));
        Assert.Contains("paid on 2026-12-03", text, StringComparison.Ordinal);
        Assert.Contains("0.00 USD", text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>Each page's words in reading order, joined by single spaces.</summary>
    private static string Text(byte[] pdf)
    {
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
