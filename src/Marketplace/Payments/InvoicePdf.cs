using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Payments;

/// <summary>
/// An invoice as a one-page A4 PDF (PDFsharp): number, order, buyer, issue and due dates, the line it charges, the
/// amount due and its status, and how to pay by bank transfer (the invoice number is the reference).
/// </summary>
public static class InvoicePdf
{
    private const double Left = 56;
    private const double Right = 539;

    /// <summary>The PDF's bytes.</summary>
    public static byte[] Render(Invoice invoice, Order order, string productName)
    {
        InvoiceFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Invoice {invoice.Number}";
        document.Info.Author = "Sleek";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(595);
        page.Height = XUnit.FromPoint(842);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(InvoiceFontResolver.Family, 20, XFontStyleEx.Bold);
            var bold = new XFont(InvoiceFontResolver.Family, 10, XFontStyleEx.Bold);
            var text = new XFont(InvoiceFontResolver.Family, 10, XFontStyleEx.Regular);
            var y = 64.0;
            gfx.DrawString("Sleek", title, XBrushes.Black, Left, y);
            gfx.DrawString($"Invoice {invoice.Number}", title, XBrushes.Black, new XRect(Left, y - 20, Right - Left, 24), XStringFormats.TopRight);
            y += 40;
            foreach (var (label, value) in new[]
            {
                ("Order", order.Number),
                ("Billed to", order.BuyerEmail),
                ("Issued", Day(invoice.IssuedAt)),
                ("Due date", Day(invoice.DueAt)),
                ("Status", InvoiceViews.Name(invoice.Status) + (invoice.PaidAt is { } paid ? $" on {Day(paid)}" : "")),
            })
            {
                gfx.DrawString(label, bold, XBrushes.Black, Left, y);
                gfx.DrawString(value, text, XBrushes.Black, Left + 90, y);
                y += 16;
            }

            y += 20;
            gfx.DrawString("Description", bold, XBrushes.Black, Left, y);
            gfx.DrawString("Amount", bold, XBrushes.Black, new XRect(Left, y - 10, Right - Left, 14), XStringFormats.TopRight);
            y += 6;
            gfx.DrawLine(XPens.Black, Left, y, Right, y);
            y += 16;
            foreach (var (description, amount) in Lines(invoice, order, productName))
            {
                gfx.DrawString(description, text, XBrushes.Black, Left, y);
                gfx.DrawString(amount, text, XBrushes.Black, new XRect(Left, y - 10, Right - Left, 14), XStringFormats.TopRight);
                y += 16;
            }

            gfx.DrawLine(XPens.Black, Left, y, Right, y);
            y += 18;
            gfx.DrawString("Amount due", bold, XBrushes.Black, Left, y);
            gfx.DrawString(Money(invoice.Status == InvoiceStatus.Paid ? 0 : invoice.Amount, invoice.Currency), bold, XBrushes.Black, new XRect(Left, y - 10, Right - Left, 14), XStringFormats.TopRight);
            y += 40;
            gfx.DrawString("Pay by card on the order page, or by bank transfer with the reference " + invoice.Number + ".", text, XBrushes.Black, Left, y);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>The invoice's lines: what the order is, and the share of it this invoice charges.</summary>
    public static IReadOnlyList<(string Description, string Amount)> Lines(Invoice invoice, Order order, string productName)
    {
        var share = invoice.Kind == InvoiceKind.Deposit ? "30 % deposit" : "70 % balance";
        return
        [
            ($"{order.Quantity} × {productName} at {Money(order.UnitPrice, invoice.Currency)} (order total {Money(order.Total, invoice.Currency)})", ""),
            ($"{char.ToUpperInvariant(share[0])}{share[1..]} of order {order.Number}", Money(invoice.Amount, invoice.Currency)),
        ];
    }

    private static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount, string currency) => amount.ToString("N2", CultureInfo.InvariantCulture) + " " + currency;
}
