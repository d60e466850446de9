using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Sleek.Workflows.Designer.Tests.Infrastructure;
using Sleek.Workflows.TestSupport.Fakes;
using static Microsoft.Playwright.Assertions;

namespace Sleek.Workflows.Designer.Tests;

/// <summary>
/// A designer host with the repository's workflows (quote-to-delivery) imported at start-up and Stripe faked at its HTTP
/// edge, so invoices are paid by card: the workflow waits for Stripe's signed webhook instead of an ops confirmation.
/// </summary>
public sealed class PortalDesignerHost : DesignerHost
{
    public FakeStripeServer Stripe { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sleek__WorkflowsDirectory"] = Path.Combine(SourceTree.Root, "workflows"),
        ["Stripe__SecretKey"] = FakeStripeServer.SecretKey,
        ["Stripe__WebhookSecret"] = FakeStripeServer.WebhookSecret,
        ["Stripe__ApiBase"] = Stripe.BaseUrl,
        ["Stripe__PublishableKey"] = "pk_test_fake_51Sleek",
    };

    protected override async Task StartBordersAsync() => Stripe = await FakeStripeServer.StartAsync();

    protected override ValueTask StopBordersAsync() => Stripe.DisposeAsync();

    /// <summary>Stripe takes the payment of the one intent not paid yet and calls the host's signed webhook.</summary>
    public async Task StripePaysAsync()
    {
        var intent = Assert.Single(Stripe.Intents, i => i["status"]!.GetValue<string>() != "succeeded");
        var webhook = FakeStripeServer.SignedWebhook(FakeStripeServer.PaymentIntentSucceededEvent(Stripe.Succeed(intent["id"]!.GetValue<string>())));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/stripe", UriKind.Relative)) { Content = new StringContent(webhook.Payload, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", webhook.SignatureHeader);
        using var answer = await Host.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
    }
}

/// <summary>
/// The supplier side of the portal in a real browser on the repository's quote-to-delivery workflow, on PostgreSQL.
/// Every step is done by the role that owns it, never the admin: the buyer asks and accepts, ops review, Stripe takes the
/// deposit (API, signed webhook); the supplier signs in from a portal link and comes back to it, accepts the offer and sends the sample
/// (browser); the buyer approves the sample (API); the supplier reports a delay on the first stage (browser: a date not
/// after today is refused, the stage reruns with a new task); the factory starts and completes each of the eleven stages
/// (v3) and does QC (browser: failing needs notes); the buyer signs in from the order link and pays the balance on the pay
/// page (the card form got the intent's client secret and shows the amount; Stripe's signed webhook takes the payment);
/// the supplier's page, open all along, shows the shipment step arrive live and records it; the buyer's order page, open
/// all along, shows the balance paid, the shipment and the delivery arrive live, and the first stage's delay with its reason. axe on each screen; screenshots at desktop and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupplierPortalTests(BrowserFixture browser, PortalDesignerHost host) : IClassFixture<PortalDesignerHost>
{
    private const string Password = "portal-tests-Passw0rd!";

    private static readonly string[] Stages =
    [
        "Order Confirmation", "Fabric & Trim Sourcing", "Pattern & Grading", "Cutting", "Printing/Embroidery", "Sewing & Assembly",
        "Washing & Finishing", "Internal QC", "Final Inspection", "Packaging", "Logistics & Shipment",
    ];

    [Fact]
    public async Task Supplier_and_factory_do_their_part_of_a_paid_order_in_the_browser_each_signed_in_as_themselves()
    {
        SetDefaultExpectTimeout(30_000);
        await ExecuteAsync("UPDATE suppliers SET auto_accept = false");
        var ops = await UserAsync("ops", null);
        var (buyer, buyerEmail) = await UserWithEmailAsync("buyer", null);

        // The buyer asks for a quote and accepts it; ops review, Stripe takes the deposit: the order is paid and offered.
        var quote = await ExpectJsonAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hoodie", quantity = 300, email = buyerEmail }));
        var orderId = (await ExpectJsonAsync(await buyer.PostAsync(new Uri($"/api/quotes/{quote["id"]}/accept", UriKind.Relative), null)))["orderId"]!.GetValue<string>();
        var offer = await DriveUntilAsync(ops, orderId, async () => (await ExpectJsonAsync(await ops.GetAsync(new Uri("/api/portal/offers", UriKind.Relative)))).AsArray()
            .FirstOrDefault(o => o!["orderId"]?.GetValue<string>() == orderId));
        var supplierId = offer["supplierId"]!.GetValue<string>();
        var orderNumber = offer["orderNumber"]!.GetValue<string>();
        // The supplier's staff sign in with the supplier's address: the offer email becomes their notification.
        var supplierEmail = await CreateUserAsync("supplier", supplierId, await ScalarAsync($"SELECT email FROM suppliers WHERE id = '{supplierId}'"));
        var factoryEmail = await CreateUserAsync("factory", supplierId);

        // The supplier opens the offers link signed out: sign-in, then back to the offers.
        await using var supplierContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var supplier = await supplierContext.NewPageAsync();
        await supplier.GotoAsync(Url("/offers"));
        await Expect(supplier).ToHaveURLAsync(new Regex("/sign-in\\?next=%2Foffers"));
        await SignInAsync(supplier, supplierEmail);
        await Expect(supplier).ToHaveURLAsync(new Regex("/offers$"));
        var offerCard = supplier.GetByTestId("offer").Filter(new() { HasText = orderNumber });
        await Expect(offerCard).ToBeVisibleAsync();
        await Expect(offerCard.GetByTestId("offer-deadline")).ToContainTextAsync("left");
        await Expect(supplier.GetByTestId("notification-count")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(supplier, "offers");
        await ScreenshotAsync(supplier, "portal-01-offers");

        // Declining needs a reason: the form says so before anything is sent. Then the supplier accepts.
        await offerCard.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(offerCard.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fill in");
        await offerCard.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Status).Filter(new() { HasText = "Accept:" })).ToBeVisibleAsync();

        // Assigned orders: the sample.
        await supplier.GetByRole(AriaRole.Link, new() { Name = "Assigned orders" }).ClickAsync();
        var supplierOrder = supplier.GetByTestId("assigned-order").Filter(new() { HasText = orderNumber });
        await Expect(supplierOrder.GetByTestId("live-state")).ToHaveTextAsync("Live");
        // The order's quality risk, explained factor by factor, for its supplier (issue 15): four weighted factors.
        var risk = supplierOrder.GetByTestId("order-risk");
        await Expect(risk.GetByTestId("risk-score")).ToContainTextAsync("/ 100");
        foreach (var factor in new[] { "qc_fail_rate", "lateness", "complexity", "quantity_vs_capacity" })
        {
            await Expect(risk.GetByTestId($"risk-factor-{factor}")).ToBeVisibleAsync();
        }

        await supplierOrder.GetByLabel("Sample tracking number").FillAsync("SAMPLE-1");
        await supplierOrder.GetByRole(AriaRole.Button, new() { Name = "Sample sent" }).ClickAsync();
        await Expect(supplierOrder).ToContainTextAsync("Nothing to do on this order right now");
        await Accessibility.AssertNoSeriousFindingsAsync(supplier, "assigned orders");
        await supplier.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await Expect(supplier.GetByTestId("notification").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousFindingsAsync(supplier, "notifications");
        await supplier.GetByRole(AriaRole.Link, new() { Name = "Assigned orders" }).ClickAsync();

        // The buyer approves the sample (its own task).
        await CompleteAsync(buyer, orderId, "approve-sample", new { outcome = "Approve", feedback = "looks right" });

        // The factory runs the stages, signed in as itself.
        await using var factoryContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var factory = await factoryContext.NewPageAsync();
        await factory.GotoAsync(Url("/factory"));
        await SignInAsync(factory, factoryEmail);
        await Expect(factory).ToHaveURLAsync(new Regex("/factory$"));
        var factoryOrder = factory.GetByTestId("assigned-order").Filter(new() { HasText = orderNumber });
        for (var i = 0; i < Stages.Length; i++)
        {
            // The factory starts the stage (its actual start), then completes it.
            var start = factoryOrder.GetByTestId("portal-task-stage-start");
            await Expect(start).ToContainTextAsync($"Start {Stages[i]} ");
            if (i == 0)
            {
                await Expect(factoryOrder.GetByRole(AriaRole.Row).Filter(new() { HasText = Stages[i] })).ToContainTextAsync("ready to start");
            }

            await start.GetByRole(AriaRole.Button, new() { Name = "Start stage" }).ClickAsync();
            var step = factoryOrder.GetByTestId("portal-task-stage-task");
            await Expect(step).ToContainTextAsync($"Complete {Stages[i]} ");
            if (i == 0)
            {
                await Expect(factoryOrder.GetByRole(AriaRole.Row).Filter(new() { HasText = Stages[i] })).ToContainTextAsync("in progress");
            }
            if (i == 2)
            {
                await Accessibility.AssertNoSeriousFindingsAsync(factory, "production and QC");
                await ScreenshotAsync(factory, "portal-03-factory");
                RepositoryPaths.UpdateReadmeScreenshot("portal-03-factory", "portal-factory");
                await factory.SetViewportSizeAsync(390, 844);
                await ScreenshotAsync(factory, "portal-04-factory-phone");
                await factory.SetViewportSizeAsync(1280, 900);
            }

            if (i == 0)
            {
                await ReportDelayAsync(supplierOrder, step);
            }

            await step.GetByRole(AriaRole.Button, new() { Name = "Mark stage complete" }).ClickAsync();
        }

        // The factory's QC: failing without notes is stopped in the form; it passes with its notes.
        var qc = factoryOrder.GetByTestId("portal-task-qc");
        await Expect(qc).ToContainTextAsync("QC inspection of order");
        await qc.GetByRole(AriaRole.Button, new() { Name = "Fail" }).ClickAsync();
        await Expect(qc.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fill in");
        await Accessibility.AssertNoSeriousFindingsAsync(factory, "QC");
        await qc.GetByLabel("QC notes").FillAsync("20 pieces measured, all within tolerance");
        await qc.GetByRole(AriaRole.Button, new() { Name = "Pass" }).ClickAsync();
        await Expect(factoryOrder).ToContainTextAsync("Nothing to do on this order right now");

        // The buyer opens the order's link signed out, signs in and comes back to it; the balance invoice is there to pay.
        await using var buyerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // Stripe.js lives on js.stripe.com, which this machine cannot reach: fail it at once, as a blocked network would.
        await buyerContext.RouteAsync("https://js.stripe.com/**", route => route.AbortAsync());
        var buyerPage = await buyerContext.NewPageAsync();
        await buyerPage.GotoAsync(Url($"/orders/{orderId}"));
        await Expect(buyerPage).ToHaveURLAsync(new Regex("/sign-in"));
        await SignInAsync(buyerPage, buyerEmail);
        await Expect(buyerPage).ToHaveURLAsync(new Regex($"/orders/{orderId}$"));
        var balance = buyerPage.GetByTestId("invoice-balance");
        await Expect(balance.GetByTestId("invoice-status")).ToHaveTextAsync("pending");
        // The quality risk is for ops and the supplier, not the buyer.
        await Expect(buyerPage.GetByTestId("order-risk")).ToHaveCountAsync(0);
        await Expect(buyerPage.GetByTestId("stage-delay-1")).ToContainTextAsync($"Delayed by the supplier to {DelayedTo}: {DelayReason}");

        // The buyer pays the balance on the pay page: the card form got the intent's client secret and shows its amount.
        var amount = (await balance.Locator("td").Nth(2).TextContentAsync())!.Trim();
        await balance.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Pay INV-") }).ClickAsync();
        await Expect(buyerPage.GetByTestId("card-payment")).ToHaveAttributeAsync("data-client-secret-received", "yes");
        await Expect(buyerPage.GetByTestId("pay-amount")).ToHaveTextAsync(amount);
        await Accessibility.AssertNoSeriousFindingsAsync(buyerPage, "pay the balance");
        await buyerPage.GotoAsync(Url($"/orders/{orderId}"));
        await Expect(buyerPage.GetByTestId("live-state")).ToHaveTextAsync("Live");
        await buyerPage.EvaluateAsync("() => { window.__sameDocument = true; }");

        // Stripe takes the payment (signed webhook): the buyer's page shows the balance paid, the supplier's page the
        // shipment step, both without reloading.
        await host.StripePaysAsync();
        await Expect(balance.GetByTestId("invoice-status")).ToContainTextAsync("paid");
        var ship = supplierOrder.GetByTestId("portal-task-ship");
        await Expect(ship).ToBeVisibleAsync();
        await ScreenshotAsync(supplier, "portal-02-supplier");
        RepositoryPaths.UpdateReadmeScreenshot("portal-02-supplier", "portal-supplier");
        await supplier.SetViewportSizeAsync(390, 844);
        await Accessibility.AssertNoSeriousFindingsAsync(supplier, "assigned orders (phone)");
        await ScreenshotAsync(supplier, "portal-05-supplier-phone");
        await supplier.SetViewportSizeAsync(1280, 900);
        await ship.GetByLabel("Carrier").FillAsync("DHL");
        await ship.GetByLabel("Tracking number").FillAsync("JD014600006281234567");
        await ship.GetByRole(AriaRole.Button, new() { Name = "Record shipment" }).ClickAsync();
        await Expect(supplierOrder.GetByTestId("shipment")).ToContainTextAsync("JD014600006281234567");
        await Expect(buyerPage.GetByTestId("order-status")).ToHaveTextAsync(new Regex("shipped", RegexOptions.IgnoreCase));

        // Ops confirm delivery; the buyer's page shows it without reloading.
        await CompleteAsync(ops, orderId, "confirm-delivery", new { notes = "signed for at the door" });
        // The workflow goes on from delivered to completed in the same run: either is the delivery seen live.
        await Expect(buyerPage.GetByTestId("order-status")).ToHaveTextAsync(new Regex("delivered|completed", RegexOptions.IgnoreCase));
        Assert.True(await buyerPage.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the order page was reloaded");

        var order = await ExpectJsonAsync(await ops.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative)));
        Assert.Contains(order["status"]!.GetValue<string>(), new[] { "delivered", "completed" });
        Assert.Equal(11, order["stages"]!.AsArray().Count(s => s!["actualEnd"] is not null));
    }

    private const string DelayReason = "The fabric mill shipped late";

    private static readonly string DelayedTo = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The supplier reports a delay on the running stage from its own page: a date not after today is refused by the
    /// server (the field says so), a good one is recorded; the factory's stage step is then a new task (the stage reruns).
    /// </summary>
    private static async Task ReportDelayAsync(ILocator supplierOrder, ILocator factoryStep)
    {
        var before = await factoryStep.GetAttributeAsync("data-task-id");
        var delay = supplierOrder.GetByTestId("stage-delay");
        await delay.GetByText("Report a delay").ClickAsync();
        await delay.GetByRole(AriaRole.Button, new() { Name = "Report the delay" }).ClickAsync();
        await Expect(delay.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Say why");
        await delay.GetByLabel("Reason for the delay").FillAsync(DelayReason);
        await delay.GetByLabel("New planned date").FillAsync(DateTime.UtcNow.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await delay.GetByRole(AriaRole.Button, new() { Name = "Report the delay" }).ClickAsync();
        await Expect(delay.Locator(".field-error")).ToContainTextAsync("must be after");
        await Accessibility.AssertNoSeriousFindingsAsync(supplierOrder.Page, "report a delay");
        await delay.GetByLabel("New planned date").FillAsync(DelayedTo);
        await delay.GetByRole(AriaRole.Button, new() { Name = "Report the delay" }).ClickAsync();
        await Expect(supplierOrder.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Delay reported" })).ToBeVisibleAsync();
        await Expect(supplierOrder.GetByRole(AriaRole.Table, new() { Name = "Production stages of order", Exact = false })).ToContainTextAsync(DelayedTo);
        await Expect(factoryStep).Not.ToHaveAttributeAsync("data-task-id", before!);
    }

    private string Url(string path) => new Uri(host.BaseAddress, path).ToString();

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots(), $"{name}.png"), FullPage = true });

    /// <summary>Ops complete the ops tasks of the order as they come (review), and Stripe takes the deposit, until <paramref name="until"/> finds something.</summary>
    private async Task<JsonNode> DriveUntilAsync(HttpClient ops, string orderId, Func<Task<JsonNode?>> until)
    {
        for (var round = 0; round < 120; round++)
        {
            if (await until() is { } found)
            {
                return found;
            }

            var tasks = (await ExpectJsonAsync(await ops.GetAsync(new Uri($"/api/orders/{orderId}/tasks", UriKind.Relative))))["items"]!.AsArray();
            foreach (var task in tasks.Where(t => t!["role"]!.GetValue<string>() == "ops"))
            {
                object body = task!["activityId"]!.GetValue<string>() switch
                {
                    "review" => new { outcome = "Approve" },
                    var other => throw new InvalidOperationException($"unexpected ops task {other}: {task.ToJsonString()}"),
                };
                using var done = await ops.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", body);
                Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
            }

            if (host.Stripe.Intents.Any(i => i["status"]!.GetValue<string>() != "succeeded"))
            {
                await host.StripePaysAsync();
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("the order was never offered to a supplier");
    }

    /// <summary>The caller completes the order's open task of <paramref name="activityId"/> (waiting for it to open).</summary>
    private static async Task CompleteAsync(HttpClient caller, string orderId, string activityId, object body)
    {
        for (var round = 0; round < 120; round++)
        {
            var tasks = (await ExpectJsonAsync(await caller.GetAsync(new Uri($"/api/orders/{orderId}/tasks", UriKind.Relative))))["items"]!.AsArray();
            if (tasks.FirstOrDefault(t => t!["activityId"]!.GetValue<string>() == activityId) is { } task)
            {
                using var done = await caller.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", body);
                Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
                return;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"task {activityId} never opened");
    }

    private async Task<string> CreateUserAsync(string role, string? partyId, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@portal.test";
        using var created = await host.Host.Client.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { email, password = Password, role, partyId });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return email;
    }

    private async Task<HttpClient> UserAsync(string role, string? partyId) => (await UserWithEmailAsync(role, partyId)).Client;

    private async Task<(HttpClient Client, string Email)> UserWithEmailAsync(string role, string? partyId)
    {
        var email = await CreateUserAsync(role, partyId);
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        var login = await ExpectJsonAsync(await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());
        return (client, email);
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<JsonNode> ExpectJsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
            return JsonNode.Parse(body)!;
        }
    }
}
