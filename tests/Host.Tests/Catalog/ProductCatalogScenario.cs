using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Marketplace;
using Sleek.Workflows.Host.Tests.Security;

namespace Sleek.Workflows.Host.Tests.Catalog;

/// <summary>
/// The product catalog through the API with real roles: a supplier's product goes through the product-approval workflow
/// (an ops task) before buyers see it; a rejection keeps its reason; a changed product stays listed in its approved form
/// until the change is approved; another supplier can neither edit nor read it; buyers search listed products only (full
/// text on PostgreSQL, LIKE on SQLite) with category and MOQ filters; a quote asked for from a product references it and
/// counts an inquiry. On PostgreSQL and SQLite (the search differs).
/// </summary>
public abstract class ProductCatalogScenario(TestDatabase database)
{
    /// <summary>True where search is PostgreSQL's full text (stems words: "hoodies" finds "hoodie").</summary>
    protected abstract bool FullText { get; }

    [Fact]
    public async Task A_product_is_listed_only_after_ops_approve_it_and_a_change_keeps_the_approved_form_listed_until_approved()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var buyer = kit.Anonymous("10.15.0.1");
        var tag = Tag();

        var created = await SleekApi.ExpectAsync(await supplier.PostAsJsonAsync("/api/products", Draft($"Heavyweight {tag} hoodie", "hoodie", 100, 12.50m)), HttpStatusCode.Created);
        var id = Str(created, "id");
        Assert.False(created["isListed"]!.GetValue<bool>());
        Assert.Null(created["listed"]);
        Assert.Equal("pending", Str(created["latest"]!, "status"));
        Assert.Equal(12.50m, created["latest"]!["fields"]!["basePrice"]!.GetValue<decimal>());

        // Pending: buyers neither find it nor open it.
        Assert.Equal(0, (await SearchAsync(buyer, $"search={tag}"))["total"]!.GetValue<int>());
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.NotFound);

        await ReviewAsync(ops, created, "Approve");
        var found = await SearchAsync(buyer, $"search={tag}");
        var listed = Assert.Single(found["items"]!.AsArray())!;
        Assert.Equal(id, Str(listed, "id"));
        Assert.Equal(100, listed["moq"]!.GetValue<int>());
        Assert.Equal("USD", Str(listed, "currency"));

        // Views are counted for real: each product page opened adds one.
        await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.OK);
        var page = await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(2, page["views"]!.GetValue<int>());
        Assert.True(page["rating"]!.GetValue<decimal>() > 0);

        // A change waits for review; meanwhile buyers still see the approved form, and a second change is refused.
        var changed = await SleekApi.ExpectAsync(await supplier.PutAsJsonAsync($"/api/products/{id}", Draft($"Zipped {tag} hoodie", "hoodie", 150, 13m)), HttpStatusCode.OK);
        Assert.Equal("pending", Str(changed["latest"]!, "status"));
        Assert.Equal(2, changed["latest"]!["number"]!.GetValue<int>());
        Assert.Equal($"Heavyweight {tag} hoodie", Str(changed["listed"]!, "title"));
        Assert.Equal(0, (await SearchAsync(buyer, $"search=zipped {tag}"))["total"]!.GetValue<int>());
        Assert.Equal($"Heavyweight {tag} hoodie", Str(await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.OK), "title"));
        await SleekApi.ExpectProblemAsync(await supplier.PutAsJsonAsync($"/api/products/{id}", Draft("Third try", "hoodie", 150, 13m)), HttpStatusCode.Conflict);

        // Rejecting needs a reason (400 naming it, the task stays open); the rejection keeps it, and the listed form stays.
        var taskId = await OpenTaskAsync(ops, changed);
        await SleekApi.ExpectProblemAsync(await ops.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Reject", reason = "  " }), HttpStatusCode.BadRequest, "reason");
        await SleekApi.ExpectAsync(await ops.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Reject", reason = "Photos show a different zip colour" }), HttpStatusCode.OK);
        var mine = await SleekApi.ExpectAsync(await supplier.GetAsync(new Uri("/api/products/mine", UriKind.Relative)), HttpStatusCode.OK);
        // The class's tests share the database (and supplier): this product is one of the supplier's.
        var product = Assert.Single(mine.AsArray(), p => Str(p!, "id") == id)!;
        Assert.Equal("rejected", Str(product["latest"]!, "status"));
        Assert.Equal("Photos show a different zip colour", Str(product["latest"]!, "rejectionReason"));
        Assert.True(product["isListed"]!.GetValue<bool>());
        Assert.Equal($"Heavyweight {tag} hoodie", Str(product["listed"]!, "title"));

        // Submitted again and approved: the change is what buyers see now.
        var third = await SleekApi.ExpectAsync(await supplier.PutAsJsonAsync($"/api/products/{id}", Draft($"Zipped {tag} hoodie", "hoodie", 150, 13m)), HttpStatusCode.OK);
        await ReviewAsync(ops, third, "Approve");
        var now = Assert.Single((await SearchAsync(buyer, $"search=zipped {tag}"))["items"]!.AsArray())!;
        Assert.Equal(150, now["moq"]!.GetValue<int>());
        Assert.Equal(13m, now["basePrice"]!.GetValue<decimal>());
        var history = await SleekApi.ExpectAsync(await ops.GetAsync(new Uri($"/api/products/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(new[] { "approved", "rejected", "approved" }, history["revisions"]!.AsArray().Select(r => Str(r!, "status")));
    }

    [Fact]
    public async Task A_rejected_new_product_keeps_the_reason_and_is_never_shown_to_buyers()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var (buyer, _, _) = await kit.UserAsync("buyer");
        var tag = Tag();

        var created = await SleekApi.ExpectAsync(await supplier.PostAsJsonAsync("/api/products", Draft($"Fake {tag} brand polo", "polo_shirt", 50, 9m)), HttpStatusCode.Created);
        await ReviewAsync(ops, created, "Reject", "Brand names need a licence");
        var product = await SleekApi.ExpectAsync(await supplier.GetAsync(new Uri($"/api/products/{Str(created, "id")}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("rejected", Str(product["latest"]!, "status"));
        Assert.Equal("Brand names need a licence", Str(product["latest"]!, "rejectionReason"));
        Assert.False(product["isListed"]!.GetValue<bool>());

        Assert.Equal(0, (await SearchAsync(buyer, $"search={tag}"))["total"]!.GetValue<int>());
        Assert.DoesNotContain((await SearchAsync(buyer, "category=polo_shirt&pageSize=200"))["items"]!.AsArray(), p => Str(p!, "id") == Str(created, "id"));
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{Str(created, "id")}", UriKind.Relative)), HttpStatusCode.NotFound);
        // A buyer may not read the supplier's view either, nor quote from it.
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/products/{Str(created, "id")}", UriKind.Relative)), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(
            await buyer.PostAsJsonAsync("/api/quotes", new { productType = "polo_shirt", quantity = 100, email = "b@example.com", productId = Str(created, "id") }), HttpStatusCode.BadRequest, "productId");
    }

    [Fact]
    public async Task Another_supplier_can_neither_edit_nor_read_a_product_and_other_roles_cannot_submit()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (owner, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (stranger, _, _) = await kit.UserAsync("supplier", suppliers[1].ToString());
        var (buyer, _, _) = await kit.UserAsync("buyer");
        var (factory, _, _) = await kit.UserAsync("factory", suppliers[0].ToString());

        var created = await SleekApi.ExpectAsync(await owner.PostAsJsonAsync("/api/products", Draft("Organic tee", "t_shirt", 100, 6.5m)), HttpStatusCode.Created);
        var id = Str(created, "id");

        await SleekApi.ExpectProblemAsync(await stranger.PutAsJsonAsync($"/api/products/{id}", Draft("Hijacked tee", "t_shirt", 100, 0.5m)), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await stranger.GetAsync(new Uri($"/api/products/{id}", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await SleekApi.ExpectAsync(await stranger.GetAsync(new Uri("/api/products/mine", UriKind.Relative)), HttpStatusCode.OK)).AsArray(), p => Str(p!, "id") == id);
        await SleekApi.ExpectProblemAsync(await buyer.PutAsJsonAsync($"/api/products/{id}", Draft("Hijacked tee", "t_shirt", 100, 0.5m)), HttpStatusCode.Forbidden);
        await SleekApi.ExpectProblemAsync(await factory.PostAsJsonAsync("/api/products", Draft("Factory tee", "t_shirt", 100, 1m)), HttpStatusCode.Forbidden);
        await SleekApi.ExpectProblemAsync(await kit.Anonymous().PostAsJsonAsync("/api/products", Draft("Anon tee", "t_shirt", 100, 1m)), HttpStatusCode.Unauthorized);

        // Nothing changed: still one pending revision with the owner's title, and the refusal is audited.
        var product = await SleekApi.ExpectAsync(await owner.GetAsync(new Uri($"/api/products/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Organic tee", Str(Assert.Single(product["revisions"]!.AsArray())!["fields"]!, "title"));
        Assert.Contains(await kit.AuditAsync("action=access.cross_tenant&pageSize=100"), e => Str(e!, "target") == $"product={id}");
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var buyer = kit.Anonymous("10.15.0.2");

        await SleekApi.ExpectProblemAsync(await supplier.PostAsJsonAsync("/api/products", new { }), HttpStatusCode.BadRequest, "category", "title", "moq", "basePrice", "leadTimeDays");
        await SleekApi.ExpectProblemAsync(
            await supplier.PostAsJsonAsync("/api/products", new { category = "spacesuit", title = "ok title", moq = 10.5, basePrice = 1.005, currency = "EUR", leadTimeDays = 0, description = new string('x', 4001) }),
            HttpStatusCode.BadRequest,
            "category",
            "moq",
            "basePrice",
            "currency",
            "leadTimeDays",
            "description");
        await SleekApi.ExpectProblemAsync(await supplier.PostAsJsonAsync("/api/products", Draft("x", "hoodie", 100, -1m)), HttpStatusCode.BadRequest, "title", "basePrice");
        await SleekApi.ExpectProblemAsync(await supplier.PostAsJsonAsync("/api/products", Draft(new string('t', 121), "hoodie", 0, 1_000_000m)), HttpStatusCode.BadRequest, "title", "moq", "basePrice");
        using (var text = new StringContent("""{"category":"hoodie","title":"Hoodie","moq":"many","basePrice":5,"leadTimeDays":10}""", System.Text.Encoding.UTF8, "application/json"))
        {
            using var response = await supplier.PostAsync(new Uri("/api/products", UriKind.Relative), text);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        await SleekApi.ExpectProblemAsync(await supplier.PutAsJsonAsync($"/api/products/{Guid.NewGuid()}", Draft("Hoodie", "hoodie", 100, 5m)), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri("/api/catalog/products?category=spacesuit", UriKind.Relative)), HttpStatusCode.BadRequest, "category");
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri("/api/catalog/products?maxMoq=0", UriKind.Relative)), HttpStatusCode.BadRequest, "maxMoq");
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri("/api/catalog/products?maxMoq=lots", UriKind.Relative)), HttpStatusCode.BadRequest, "maxMoq");
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/catalog/products?search={new string('x', 201)}", UriKind.Relative)), HttpStatusCode.BadRequest, "search");
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri("/api/catalog/products?pageSize=0", UriKind.Relative)), HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Buyers_search_listed_products_by_words_category_and_moq()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var buyer = kit.Anonymous("10.15.0.3");
        var tag = Tag();

        var tee = await ListAsync(supplier, ops, Draft($"Organic cotton {tag} tee", "t_shirt", 100, 4.2m, "Soft jersey, GOTS certified"));
        var hoodie = await ListAsync(supplier, ops, Draft($"Fleece {tag} hoodie", "hoodie", 500, 14m, "Brushed organic fleece lining"));
        var socks = await ListAsync(supplier, ops, Draft($"Sport {tag} socks 100%", "socks", 1000, 1.2m, "Cushioned sole"));
        var pending = await SleekApi.ExpectAsync(await supplier.PostAsJsonAsync("/api/products", Draft($"Organic {tag} scarf", "scarf", 50, 3m)), HttpStatusCode.Created);

        async Task<List<string>> Ids(string query) =>
            [.. (await SearchAsync(buyer, query + "&pageSize=200"))["items"]!.AsArray().Select(p => Str(p!, "id"))];

        // Words in title or description, case-insensitive; the pending scarf never shows.
        Assert.Equal(new[] { tee, hoodie }.Order(), (await Ids($"search=ORGANIC {tag}")).Order());
        Assert.Equal(new[] { hoodie }, await Ids($"search=fleece {tag}"));
        Assert.DoesNotContain(Str(pending, "id"), await Ids($"search={tag}"));
        // Filters, alone and with words.
        Assert.Equal(new[] { tee }, await Ids($"search={tag}&category=t_shirt"));
        Assert.Equal(new[] { tee }, await Ids($"search={tag}&category=T-Shirt"));
        Assert.Equal(new[] { tee, hoodie }.Order(), (await Ids($"search={tag}&maxMoq=500")).Order());
        Assert.Equal(new[] { tee }, await Ids($"search=organic {tag}&maxMoq=499"));
        Assert.Equal(new[] { socks }, await Ids($"search={tag}&category=socks&maxMoq=1000"));
        Assert.Empty(await Ids($"search={tag}&category=socks&maxMoq=999"));
        // Hostile or odd text is text: no wildcard, no syntax error.
        Assert.Empty(await Ids($"search={tag}%25zzz"));
        // websearch syntax on PostgreSQL ("or", "-"), plain words on SQLite: either way an answer, never an error.
        await SearchAsync(buyer, $"search={tag} ' OR 1=1 --");
        Assert.Empty(await Ids("search=%22%22%22 %26%26 !!"));
        if (FullText)
        {
            // PostgreSQL stems English words: "hoodies" finds the hoodie, "socks" the sock.
            Assert.Equal(new[] { hoodie }, await Ids($"search=hoodies {tag}"));
        }
    }

    [Fact]
    public async Task Asking_for_a_quote_from_a_product_references_it_counts_the_inquiry_and_checks_category_and_moq()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var (buyer, _, email) = await kit.UserAsync("buyer");
        buyer.DefaultRequestHeaders.Add(TestClientIp.Header, "10.15.0.4");
        var id = await ListAsync(supplier, ops, Draft($"Rib {Tag()} beanie", "hat", 200, 2.75m));

        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hoodie", quantity = 300, email, productId = id }), HttpStatusCode.BadRequest, "productType");
        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hat", quantity = 100, email, productId = id }), HttpStatusCode.BadRequest, "quantity");
        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hat", quantity = 300, email, productId = "not-an-id" }), HttpStatusCode.BadRequest, "productId");
        await SleekApi.ExpectProblemAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hat", quantity = 300, email, productId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "productId");

        var quote = await SleekApi.ExpectAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hat", quantity = 300, email, productId = id }), HttpStatusCode.Created);
        Assert.Equal(id, Str(quote, "productId"));
        var read = await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/quotes/{Str(quote, "id")}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(id, Str(read, "productId"));
        // A quote without a product is as before.
        Assert.Null((await SleekApi.ExpectAsync(await buyer.PostAsJsonAsync("/api/quotes", new { productType = "hat", quantity = 300, email }), HttpStatusCode.Created))["productId"]);

        var product = await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(1, product["inquiries"]!.GetValue<int>());
        Assert.Equal(1, product["views"]!.GetValue<int>());
    }

    [Fact]
    public async Task Product_images_are_read_from_their_bytes_kept_to_the_owner_and_shown_to_buyers_as_approved()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (stranger, _, _) = await kit.UserAsync("supplier", suppliers[1].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var buyer = kit.Anonymous("10.15.0.5");
        var created = await SleekApi.ExpectAsync(await supplier.PostAsJsonAsync("/api/products", Draft($"Printed {Tag()} tote", "bag", 100, 3m)), HttpStatusCode.Created);
        var id = Str(created, "id");

        // The type comes from the bytes: a PNG sent as image/jpeg named .jpg is a PNG; HTML named .png and a PDF are refused.
        var image = await SleekApi.ExpectAsync(await UploadImageAsync(supplier, id, "front.jpg", TinyPng, "image/jpeg"), HttpStatusCode.Created);
        Assert.Equal("image/png", Str(image, "contentType"));
        var imageId = Str(image, "id");
        await SleekApi.ExpectProblemAsync(await UploadImageAsync(supplier, id, "x.png", System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script>"), "image/png"), HttpStatusCode.UnsupportedMediaType, "file");
        await SleekApi.ExpectProblemAsync(await UploadImageAsync(supplier, id, "spec.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "application/pdf"), HttpStatusCode.UnsupportedMediaType, "file");
        await SleekApi.ExpectProblemAsync(await UploadImageAsync(supplier, id, "../../etc/passwd.png", TinyPng, "image/png"), HttpStatusCode.BadRequest, "file");
        // Another supplier can neither add nor read one; buyers see nothing of an unapproved product.
        await SleekApi.ExpectProblemAsync(await UploadImageAsync(stranger, id, "mine.png", TinyPng, "image/png"), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await stranger.GetAsync(new Uri(Str(image, "url"), UriKind.Relative)), HttpStatusCode.NotFound);
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}/images/{imageId}", UriKind.Relative)), HttpStatusCode.NotFound);
        using (var own = await supplier.GetAsync(new Uri(Str(image, "url"), UriKind.Relative)))
        {
            Assert.Equal(TinyPng, await own.Content.ReadAsByteArrayAsync());
        }

        await ReviewAsync(ops, created, "Approve");
        var listed = await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(imageId, listed["imageIds"]!.AsArray().Single()!.GetValue<string>());
        using (var shown = await buyer.GetAsync(new Uri($"/api/catalog/products/{id}/images/{imageId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TinyPng, await shown.Content.ReadAsByteArrayAsync());
        }

        // An image added after the approval waits for the next approved change.
        var later = Str(await SleekApi.ExpectAsync(await UploadImageAsync(supplier, id, "back.png", TinyPng, "image/png"), HttpStatusCode.Created), "id");
        Assert.Single((await SleekApi.ExpectAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}", UriKind.Relative)), HttpStatusCode.OK))["imageIds"]!.AsArray());
        await SleekApi.ExpectProblemAsync(await buyer.GetAsync(new Uri($"/api/catalog/products/{id}/images/{later}", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Equal(2, (await SleekApi.ExpectAsync(await supplier.GetAsync(new Uri($"/api/products/{id}", UriKind.Relative)), HttpStatusCode.OK))["images"]!.AsArray().Count);
    }

    /// <summary>A valid 1×1 PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<HttpResponseMessage> UploadImageAsync(HttpClient client, string productId, string fileName, byte[] bytes, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/api/products/{productId}/images", UriKind.Relative), form);
    }

    private SecurityKit Kit() =>
        new(database, null, folder => folder.WithSample("product-approval").With(SpineDefinitions.MiniSpine()));

    private static object Draft(string title, string category, int moq, decimal price, string description = "A product for the catalog tests") =>
        new { category, title, description, moq, basePrice = price, currency = "USD", leadTimeDays = 30 };

    private static string Tag() => "t" + Guid.NewGuid().ToString("N")[..10];

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static async Task<JsonNode> SearchAsync(HttpClient client, string query) =>
        await SleekApi.ExpectAsync(await client.GetAsync(new Uri($"/api/catalog/products?{query}", UriKind.Relative)), HttpStatusCode.OK);

    /// <summary>Submits a product and has ops approve it; its id.</summary>
    private static async Task<string> ListAsync(HttpClient supplier, HttpClient ops, object draft)
    {
        var created = await SleekApi.ExpectAsync(await supplier.PostAsJsonAsync("/api/products", draft), HttpStatusCode.Created);
        await ReviewAsync(ops, created, "Approve");
        return Str(created, "id");
    }

    private static async Task<string> OpenTaskAsync(HttpClient ops, JsonNode product)
    {
        var instanceId = Str(product["latest"]!, "instanceId");
        var tasks = await SleekApi.ExpectAsync(await ops.GetAsync(new Uri($"/api/tasks?instanceId={instanceId}", UriKind.Relative)), HttpStatusCode.OK);
        return Str(Assert.Single(tasks["items"]!.AsArray())!, "id");
    }

    private static async Task ReviewAsync(HttpClient ops, JsonNode product, string outcome, string? reason = null)
    {
        var taskId = await OpenTaskAsync(ops, product);
        var done = await SleekApi.ExpectAsync(await ops.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome, reason = reason ?? "" }), HttpStatusCode.OK);
        Assert.Equal("Completed", Str(done, "status"));
    }
}

public sealed class ProductCatalogOnPostgres(PostgresDatabase database) : ProductCatalogScenario(database), IClassFixture<PostgresDatabase>
{
    protected override bool FullText => true;
}

public sealed class ProductCatalogOnSqlite(SqliteDatabase database) : ProductCatalogScenario(database), IClassFixture<SqliteDatabase>
{
    protected override bool FullText => false;
}
