using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Host.Tests.Files;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Suppliers;
using Sleek.Workflows.TestSupport;
using Xunit.Abstractions;

namespace Sleek.Workflows.Host.Tests.Suppliers;

/// <summary>
/// workflows/supplier-onboarding/v1.json through the suppliers API on PostgreSQL: a supplier signs up (or is invited),
/// uploads and submits documents; ops approve, reject or ask for more (each with a reason); only verified suppliers
/// are candidates for offers; certificates get a reminder 30 days before expiry and are flagged expired by timer.
/// </summary>
public sealed class SupplierOnboardingOnPostgres(PostgresDatabase database, ITestOutputHelper output) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    private const string Password = "correct-horse-battery-staple";

    /// <summary>
    /// Issue 15's whole supply side for one supplier: it signs up (the only one in Morocco), uploads its licence, ops
    /// verify it; a buyer who wants the order made only in Morocco reaches it alone; it accepts, makes and ships the order
    /// on quote-to-delivery v4; its counters and scores move at each step, and ranking reads them. The figures are written
    /// to the test output (they are the issue note's).
    /// </summary>
    [Fact]
    public async Task A_supplier_goes_from_sign_up_to_its_first_delivered_order_and_its_scores_move_on_the_way()
    {
        var v4 = File.ReadAllText(Path.Combine(SourceTree.Root, "workflows", "quote-to-delivery", "v4.json"));
        var host = NewHost(NewFolder().WithSample("supplier-onboarding").WithFile("quote-to-delivery", 4, v4), settings: QuoteToDeliveryHost.Settings());
        var ops = new SleekApi(host.CreateClient());
        var (supplier, id, _) = await SignUpAsync(host, certificates: [], country: "MA");
        var signedUp = await ScoresAsync(ops, id, "signed up");
        Assert.Equal((0, 0), (signedUp["totalOrders"]!.GetValue<int>(), signedUp["activeOrders"]!.GetValue<int>()));
        // Unproven, not bad: a new supplier starts in the middle, so its first order is not high risk for being new.
        Assert.Equal((2.5m, 0.5m), (signedUp["rating"]!.GetValue<decimal>(), signedUp["onTimeRate"]!.GetValue<decimal>()));
        Assert.DoesNotContain(await CandidatesAsync(host), p => p.Id.ToString() == id);

        await UploadAndSubmitAsync(supplier, id);
        await CompleteVerificationAsync(ops, id, "Approve", "licence checked");
        await Eventually.UntilAsync(() => StatusAsync(ops, id), s => s == "verified", "verified");
        await ScoresAsync(ops, id, "verified");

        // The buyer wants it made in Morocco only: of the verified suppliers, the new one alone is eligible.
        var client = new MarketplaceClient(ops);
        var request = MarketplaceClient.WorkedExample();
        request["allowedCountries"] = new JsonArray("MA");
        var orderId = MarketplaceClient.Str(await client.AcceptAsync(MarketplaceClient.Str(await client.CreateQuoteAsync(request), "id")), "orderId");
        var driver = new FullPathDriver(client, orderId);
        driver.Answers.Insert(0, ("Extra QC of order", new { outcome = "Pass", notes = "checked 20 pieces" }));
        driver.Answers.Insert(0, ("QC inspection", new { outcome = "Pass" }));
        await driver.RunAsync(() => Task.FromResult(false), stopAt: "Send a sample");
        Assert.Equal(id, MarketplaceClient.Str((await client.OrderAsync(orderId))["supplier"], "id"));
        var assigned = await ScoresAsync(ops, id, "offer accepted");
        Assert.Equal((1, 1), (assigned["totalOrders"]!.GetValue<int>(), assigned["activeOrders"]!.GetValue<int>()));
        var risk = await ops.GetJsonAsync($"/api/orders/{orderId}/risk");
        output.WriteLine($"order risk: {risk["score"]} ({risk["level"]}): {string.Join(", ", risk["factors"]!.AsArray().Select(f => $"{f!["key"]} {f["value"]} × {f["weight"]}"))}");
        Assert.True(risk["score"]!.GetValue<int>() < 60, risk.ToJsonString());

        await driver.RunAsync(async () => MarketplaceClient.Str(await client.OrderAsync(orderId), "status") == "completed");
        var delivered = await ScoresAsync(ops, id, "delivered");
        Assert.Equal(0, delivered["activeOrders"]!.GetValue<int>());
        Assert.Equal(1, delivered["deliveredOrders"]!.GetValue<int>());
        Assert.Equal(1, delivered["qcInspections"]!.GetValue<int>());
        Assert.Equal(0, delivered["qcFailures"]!.GetValue<int>());
        // Eleven stages and the delivery, all on time: the on-time rate and the rating (a QC pass) went up.
        Assert.Equal(12, delivered["onTimeEvents"]!.GetValue<int>());
        Assert.True(delivered["onTimeRate"]!.GetValue<decimal>() > signedUp["onTimeRate"]!.GetValue<decimal>(), delivered.ToJsonString());
        Assert.True(delivered["rating"]!.GetValue<decimal>() > signedUp["rating"]!.GetValue<decimal>(), delivered.ToJsonString());
        // Ranking reads the new figures.
        var profile = (await CandidatesAsync(host)).Single(p => p.Id.ToString() == id);
        Assert.Equal((double)delivered["rating"]!.GetValue<decimal>(), (double)profile.Rating, 3);
        Assert.Equal((double)delivered["onTimeRate"]!.GetValue<decimal>(), (double)profile.OnTimeRate, 3);
    }

    private async Task<JsonNode> ScoresAsync(SleekApi ops, string id, string step)
    {
        var scores = await ops.GetJsonAsync($"/api/suppliers/{id}/performance");
        output.WriteLine($"{step}: {scores.ToJsonString()}");
        return scores;
    }

    [Fact]
    public async Task Ops_approve_and_the_supplier_becomes_eligible_then_suspension_removes_it()
    {
        var (host, ops) = Start();
        var (supplier, id, email) = await SignUpAsync(host, certificates: []);
        Assert.Equal("pending", await StatusAsync(ops, id));
        Assert.DoesNotContain(await CandidatesAsync(host), p => p.Id.ToString() == id);

        await UploadAndSubmitAsync(supplier, id);
        await CompleteVerificationAsync(ops, id, "Approve", "licence and OEKO-TEX checked");
        await Eventually.UntilAsync(() => StatusAsync(ops, id), s => s == "verified", "verified");
        Assert.Contains(await CandidatesAsync(host), p => p.Id.ToString() == id);
        var mail = await Eventually.UntilAsync(() => EmailsToAsync(host, email), m => m.Contains("supplier-verification"), "the verification email");
        Assert.Contains("supplier-verification", mail);

        // Ops suspend it (a reason is required): no longer a candidate; reinstated, it is again.
        await SleekApi.ExpectProblemAsync(await ops.PostAsync($"/api/suppliers/{id}/suspend", new { reason = "" }), HttpStatusCode.BadRequest, "reason");
        await SleekApi.ExpectAsync(await ops.PostAsync($"/api/suppliers/{id}/suspend", new { reason = "quality complaints" }), HttpStatusCode.OK);
        Assert.DoesNotContain(await CandidatesAsync(host), p => p.Id.ToString() == id);
        await SleekApi.ExpectAsync(await ops.PostAsync($"/api/suppliers/{id}/reinstate", new { reason = "audit passed" }), HttpStatusCode.OK);
        Assert.Contains(await CandidatesAsync(host), p => p.Id.ToString() == id);
    }

    [Fact]
    public async Task Ops_ask_for_more_then_reject_each_with_a_reason()
    {
        var (host, ops) = Start();
        var (supplier, id, email) = await SignUpAsync(host, certificates: []);

        // Submitting without any document is refused.
        await SleekApi.ExpectProblemAsync(await supplier.PostAsync($"/api/suppliers/{id}/submit"), HttpStatusCode.Conflict);
        await UploadAndSubmitAsync(supplier, id);

        // A decision without a reason is refused, naming the field.
        var task = await VerificationTaskAsync(ops, id);
        await SleekApi.ExpectProblemAsync(await ops.PostAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "AskForMore" }), HttpStatusCode.BadRequest, "reason");
        await CompleteVerificationAsync(ops, id, "AskForMore", "the licence scan is unreadable");
        var asked = await Eventually.UntilAsync(() => SupplierAsync(ops, id), s => s["verificationReason"]?.GetValue<string>() == "the licence scan is unreadable", "the reason recorded");
        Assert.Equal("pending", asked["verificationStatus"]!.GetValue<string>());

        // It uploads again and submits; this time ops reject.
        await UploadAndSubmitAsync(supplier, id);
        await CompleteVerificationAsync(ops, id, "Reject", "not a garment manufacturer");
        await Eventually.UntilAsync(() => StatusAsync(ops, id), s => s == "rejected", "rejected");
        Assert.DoesNotContain(await CandidatesAsync(host), p => p.Id.ToString() == id);
        var instance = (await SupplierAsync(ops, id))["onboardingInstanceId"]!.GetValue<string>();
        await ops.WaitForStatusAsync(instance, "Completed");
        var mails = await EmailsToAsync(host, email);
        Assert.Equal(2, mails.Count(m => m == "supplier-verification"));
    }

    [Fact]
    public async Task Certificate_reminder_30_days_before_expiry_then_expired_by_timer_stops_counting()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (host, ops) = Start(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (supplier, id, email) = await SignUpAsync(host, certificates: [new { name = "GOTS", expiresOn = today.AddDays(40) }, new { name = "BSCI", expiresOn = (DateOnly?)null }]);
        await UploadAndSubmitAsync(supplier, id);
        await CompleteVerificationAsync(ops, id, "Approve", "all good");
        await Eventually.UntilAsync(() => StatusAsync(ops, id), s => s == "verified", "verified");
        Assert.Contains("GOTS", (await CandidatesAsync(host)).Single(p => p.Id.ToString() == id).Certifications);

        // 10 days on, GOTS is 30 days from expiry: one reminder.
        clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(() => EmailsToAsync(host, email), m => m.Contains("certificate-expiry"), "the reminder");
        var reminded = await SupplierAsync(ops, id);
        Assert.NotNull(reminded["certificates"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "GOTS")!["reminderSentAt"]);

        // Past its last day it no longer counts for the rules (by date at once); the timer flags it expired, removes it from
        // the supplier's certification list and e-mails the supplier. BSCI (no expiry) still counts.
        clock.Advance(TimeSpan.FromDays(31));
        await Eventually.UntilAsync(() => EmailsToAsync(host, email), m => m.Count(t => t == "certificate-expiry") == 2, "the expiry e-mail", m => string.Join(", ", m));
        Assert.True((await SupplierAsync(ops, id))["certificates"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "GOTS")!["expired"]!.GetValue<bool>());
        Assert.DoesNotContain("GOTS", (await SupplierAsync(ops, id))["certifications"]!.AsArray().Select(c => c!.GetValue<string>()));
        var profile = (await CandidatesAsync(host)).Single(p => p.Id.ToString() == id);
        Assert.DoesNotContain("GOTS", profile.Certifications);
        Assert.Contains("BSCI", profile.Certifications);
    }

    [Fact]
    public async Task Ops_invite_by_email_and_the_supplier_signs_up_through_the_link()
    {
        var (host, ops) = Start();
        var email = $"factory-{Guid.NewGuid():N}@example.com";
        var invited = await SleekApi.ExpectAsync(await ops.PostAsync("/api/suppliers/invitations", new { name = "Braga Knit", email, country = "PT" }), HttpStatusCode.Created);
        var id = invited["id"]!.GetValue<string>();
        await Eventually.UntilAsync(() => EmailsToAsync(host, email), m => m.Contains("supplier-invitation"), "the invitation");
        var link = await InvitationLinkAsync(host, email);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        Assert.Equal(id, query["supplier"]);

        using var anonymous = host.CreateAnonymousClient();
        // A forged token is refused, naming the field.
        await SleekApi.ExpectProblemAsync(await anonymous.PostAsJsonAsync("/api/suppliers/signup", SignUp(email, [], Guid.Parse(id), "123.abc")), HttpStatusCode.BadRequest, "invitation");
        var signed = await SleekApi.ExpectAsync(await anonymous.PostAsJsonAsync("/api/suppliers/signup", SignUp(email, [], Guid.Parse(id), query["invitation"])), HttpStatusCode.Created);
        Assert.Equal(id, signed["supplier"]!["id"]!.GetValue<string>());
        await SleekApi.ExpectProblemAsync(await anonymous.PostAsJsonAsync("/api/suppliers/signup", SignUp($"x{email}", [], Guid.Parse(id), query["invitation"])), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_profiles_are_refused_naming_each_field_and_search_finds_suppliers()
    {
        var (_, ops) = Start();
        var problem = await SleekApi.ExpectProblemAsync(
            await ops.PostAsync("/api/suppliers", new { name = "", email = "nope", country = "Portugal", categories = new[] { "spaceships" }, capacity = 0, moq = 100, maxOrderQuantity = 10, certificates = new[] { new { name = "" } } }),
            HttpStatusCode.BadRequest, "name", "email", "country", "categories", "capacity", "maxOrderQuantity", "certificates[0].name");
        Assert.Contains("spaceships", problem["errors"]!["categories"]![0]!.GetValue<string>());

        var created = await SleekApi.ExpectAsync(await ops.PostAsync("/api/suppliers", Profile("Aveiro Shirtmakers", "ops-made@example.com", [])), HttpStatusCode.Created);
        Assert.Equal("pending", created["verificationStatus"]!.GetValue<string>());
        var found = await ops.GetJsonAsync("/api/suppliers?q=aveiro");
        Assert.Equal(created["id"]!.GetValue<string>(), found["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, found["total"]!.GetValue<int>());
        // Other tests of this class verify suppliers of their own in the same database: at least the seeded ones, all verified.
        var verified = await ops.GetJsonAsync("/api/suppliers?status=verified&pageSize=200");
        Assert.True(verified["total"]!.GetValue<int>() >= DemoSuppliers.Count);
        Assert.All(verified["items"]!.AsArray(), s => Assert.Equal("verified", s!["verificationStatus"]!.GetValue<string>()));
        await SleekApi.ExpectProblemAsync(await ops.GetAsync("/api/suppliers?status=sleeping"), HttpStatusCode.BadRequest, "status");
    }

    private (SleekHost Host, SleekApi Ops) Start(TimeProvider? clock = null)
    {
        var host = NewHost(NewFolder().WithSample("supplier-onboarding"), clock, settings: QuoteToDeliveryHost.Settings());
        return (host, new SleekApi(host.CreateClient()));
    }

    private static object Profile(string name, string email, object[] certificates, string country = "PT") => new
    {
        name,
        email,
        contactName = "Ana Costa",
        phone = "+351 21 000 0000",
        country,
        categories = new[] { "t_shirt", "hoodie" },
        certificates,
        capacity = 12,
        moq = 100,
        maxOrderQuantity = 5000,
        leadTimeDays = 30,
    };

    private static object SignUp(string email, object[] certificates, Guid? invitationSupplierId = null, string? invitation = null, string country = "PT") =>
        new { email, password = Password, displayName = "Ana", supplier = Profile("Factory " + email, email, certificates, country), invitationSupplierId, invitation };

    private static async Task<(SleekApi Client, string Id, string Email)> SignUpAsync(SleekHost host, object[] certificates, string country = "PT")
    {
        var email = $"factory-{Guid.NewGuid():N}@example.com";
        using var anonymous = host.CreateAnonymousClient();
        var created = await SleekApi.ExpectAsync(await anonymous.PostAsJsonAsync("/api/suppliers/signup", SignUp(email, certificates, country: country)), HttpStatusCode.Created);
        var client = host.CreateAnonymousClient();
        client.As(await TestAuth.LoginAsync(client, email, Password));
        return (new SleekApi(client), created["supplier"]!["id"]!.GetValue<string>(), email);
    }

    private static async Task UploadAndSubmitAsync(SleekApi supplier, string id)
    {
        await SleekApi.ExpectAsync(await FileUploadScenario.UploadAsync(supplier.Client, Guid.Parse(id), "business_licence", "licence.pdf", FileUploadScenario.Pdf(2000), "application/pdf"), HttpStatusCode.Created);
        await SleekApi.ExpectAsync(await supplier.PostAsync($"/api/suppliers/{id}/submit"), HttpStatusCode.OK);
    }

    private static async Task<JsonNode> VerificationTaskAsync(SleekApi ops, string id)
    {
        var tasks = await Eventually.UntilAsync(
            async () => (await ops.GetJsonAsync($"/api/tasks?correlationId={id}"))["items"]!.AsArray(),
            tasks => tasks.Count == 1,
            "the verification task",
            tasks => tasks.ToJsonString());
        return tasks[0]!;
    }

    private static async Task CompleteVerificationAsync(SleekApi ops, string id, string outcome, string reason)
    {
        var task = await VerificationTaskAsync(ops, id);
        await SleekApi.ExpectAsync(await ops.PostAsync($"/api/tasks/{task["id"]}/complete", new { outcome, reason }), HttpStatusCode.OK);
    }

    private static async Task<JsonNode> SupplierAsync(SleekApi ops, string id) => await ops.GetJsonAsync($"/api/suppliers/{id}");

    private static async Task<string> StatusAsync(SleekApi ops, string id) => (await SupplierAsync(ops, id))["verificationStatus"]!.GetValue<string>();

    private static async Task<List<SupplierProfile>> CandidatesAsync(SleekHost host)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        return await SupplierCandidates.LoadAsync(db, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
    }

    private static async Task<List<string>> EmailsToAsync(SleekHost host, string email)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        var rows = await db.EmailMessages.AsNoTracking().Where(e => e.To == email).Select(e => new { e.Template, e.CreatedAt, e.Id }).ToListAsync();
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Template)];
    }

    private static async Task<string> InvitationLinkAsync(SleekHost host, string email)
    {
        await using var db = host.Services.GetRequiredService<MarketplaceDb>().CreateContext();
        var text = await db.EmailMessages.AsNoTracking().Where(e => e.To == email && e.Template == "supplier-invitation").Select(e => e.TextBody).SingleAsync();
        var start = text.IndexOf("http", StringComparison.Ordinal);
        return text[start..].Split('\n')[0].Trim();
    }
}
