using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Activities.Suppliers;

/// <summary>
/// The certificate watch of supplier onboarding, run on a timer: certificates within 30 days of expiry get their reminder
/// marked (once each), certificates past their last valid day are flagged expired and leave the supplier's certification
/// list (so they stop counting for eligibility). Port <c>Notify</c> when there is something to email, <c>Quiet</c> when
/// not, <c>Stop</c> when the supplier is gone or rejected. <c>wait</c> is the ISO 8601 duration until the next check is due.
/// </summary>
[Activity("CheckSupplierCertificates", InProcess = true, Category = "Suppliers", DisplayName = "Check supplier certificates", Ports = ["Notify", "Quiet", "Stop"], OutputType = "object",
    Description = "Marks 30-day reminders and flags expired certificates (they stop counting for eligibility); outputs what to email and how long to wait for the next check.")]
public sealed class CheckSupplierCertificates : IActivity
{
    /// <summary>The longest wait between two checks.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(30);

    /// <summary>The supplier.</summary>
    [Input(Required = true, Description = "The supplier's id.")]
    public Guid SupplierId { get; set; }

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var ct = context.CancellationToken;
        var now = context.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var db = context.Services.GetRequiredService<MarketplaceDb>().CreateContext(context);
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.Id == SupplierId, ct);
        if (supplier is null || supplier.VerificationStatus == VerificationStatus.Rejected)
        {
            return ActivityResult.Outcome("Stop", new JsonObject { ["supplierId"] = SupplierId });
        }

        var certificates = await db.SupplierCertificates.Where(c => c.SupplierId == SupplierId).ToListAsync(ct);
        var expiring = new JsonArray();
        var expired = new JsonArray();
        foreach (var certificate in certificates.Where(c => c.ExpiredAt is null && c.ExpiresOn is not null))
        {
            if (SupplierCertificates.ExpiryDue(certificate) <= today)
            {
                certificate.ExpiredAt = now;
                expired.Add(certificate.Name);
            }
            else if (certificate.ReminderSentAt is null && SupplierCertificates.ReminderDue(certificate) <= today)
            {
                certificate.ReminderSentAt = now;
                expiring.Add($"{certificate.Name} until {certificate.ExpiresOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }
        }

        if (expired.Count > 0)
        {
            supplier.Certifications = SupplierCertificates.Valid(supplier, certificates, today);
            context.Logger.LogInformation("Supplier {SupplierId}: certificates expired {Expired}", SupplierId, expired.ToJsonString());
        }

        await db.SaveChangesAsync(ct);

        var publicUrl = context.Services.GetRequiredService<MarketplaceOptions>().PublicUrl.TrimEnd('/');
        var output = new JsonObject
        {
            ["supplierId"] = SupplierId,
            ["name"] = supplier.Name,
            ["email"] = supplier.Email,
            ["expiring"] = expiring,
            ["expired"] = expired,
            ["portalUrl"] = $"{publicUrl}/supplier/onboarding",
            ["wait"] = XmlConvert.ToString(Wait(certificates, now)),
        };
        return ActivityResult.Outcome(expiring.Count + expired.Count > 0 ? "Notify" : "Quiet", output);
    }

    /// <summary>Until the next reminder or expiry falls due (at midnight UTC of its day), at most <see cref="MaxWait"/>, at least a minute.</summary>
    private static TimeSpan Wait(IEnumerable<SupplierCertificate> certificates, DateTimeOffset now)
    {
        var next = certificates
            .Where(c => c.ExpiredAt is null && c.ExpiresOn is not null)
            .Select(c => c.ReminderSentAt is null ? SupplierCertificates.ReminderDue(c)!.Value : SupplierCertificates.ExpiryDue(c)!.Value)
            .Select(day => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - now)
            .DefaultIfEmpty(MaxWait)
            .Min();
        return next < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : next > MaxWait ? MaxWait : TimeSpan.FromSeconds(Math.Ceiling(next.TotalSeconds));
    }
}
