using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;
using Sleek.Workflows.Host.Tests.Security;
using Sleek.Workflows.Marketplace.Files;
using Sleek.Workflows.TestSupport;

namespace Sleek.Workflows.Host.Tests.Files;

/// <summary>
/// Supplier documents through the file store, written once and run on each store (the subclasses at the end): an upload
/// round-trips byte for byte with the type read from its bytes; each hostile upload is refused with a problem naming
/// the field — a wrong type with a right extension, an oversize file, a path in the name, another party's record or file.
/// </summary>
public abstract class FileUploadScenario(PostgresDatabase database)
{
    /// <summary>Small limits, so an oversize upload is cheap.</summary>
    private const int MaxDocumentBytes = 64 * 1024;

    /// <summary>The store's settings for the host.</summary>
    protected abstract IReadOnlyDictionary<string, string> StoreSettings { get; }

    /// <summary>The store the host is expected to use.</summary>
    protected abstract string StoreName { get; }

    [Fact]
    public async Task Supplier_uploads_documents_and_reads_them_back_byte_for_byte()
    {
        await using var kit = Kit();
        Assert.Equal(StoreName, kit.Service<FileUploads>().StoreName);
        // Each test its own seeded supplier: the class's tests share one database.
        var suppliers = (await kit.SupplierIdsAsync())[4..];
        var (supplier, userId, _) = await kit.UserAsync("supplier", suppliers[0].ToString());

        var pdf = Pdf(3000);
        var created = await SleekApi.ExpectAsync(await UploadAsync(supplier, suppliers[0], "business_licence", "Licence 2026 (final).pdf", pdf, "application/octet-stream"), HttpStatusCode.Created);
        Assert.Equal("business_licence", created["kind"]!.GetValue<string>());
        Assert.Equal("application/pdf", created["contentType"]!.GetValue<string>());
        Assert.Equal(pdf.Length, created["size"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), created["sha256"]!.GetValue<string>());
        Assert.Equal(userId, created["uploadedBy"]!.GetValue<string>());

        // The type comes from the bytes: a PNG sent as "image/jpeg" named .jpg is stored as image/png.
        var png = Png(500);
        var image = await SleekApi.ExpectAsync(await UploadAsync(supplier, suppliers[0], "certificate", "gots.jpg", png, "image/jpeg"), HttpStatusCode.Created);
        Assert.Equal("image/png", image["contentType"]!.GetValue<string>());

        using var download = await supplier.GetAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Licence 2026 (final).pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Ops see the supplier's documents too.
        var (ops, _, _) = await kit.UserAsync("ops");
        var list = (await SleekApi.ExpectAsync(await ops.GetAsync(new Uri($"/api/suppliers/{suppliers[0]}/documents", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        Assert.Equal(["Licence 2026 (final).pdf", "gots.jpg"], list.Select(f => f!["name"]!.GetValue<string>()));
        using var opsDownload = await ops.GetAsync(new Uri(image["url"]!.GetValue<string>(), UriKind.Relative));
        Assert.Equal(png, await opsDownload.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Hostile_uploads_are_refused_with_a_problem_naming_the_field()
    {
        await using var kit = Kit();
        var suppliers = (await kit.SupplierIdsAsync())[6..];
        var (supplier, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());

        // A wrong type with a right extension and Content-Type: an executable named .pdf.
        var exe = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0 this program cannot be run in DOS mode");
        await AssertRefusedAsync(await UploadAsync(supplier, suppliers[0], "business_licence", "licence.pdf", exe, "application/pdf"), HttpStatusCode.UnsupportedMediaType, "file", "not an image or PDF");
        // HTML (a stored XSS) named .png.
        await AssertRefusedAsync(await UploadAsync(supplier, suppliers[0], "certificate", "cert.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "image/png"), HttpStatusCode.UnsupportedMediaType, "file", "not an image or PDF");

        // Oversize: one byte over the kind's limit.
        await AssertRefusedAsync(await UploadAsync(supplier, suppliers[0], "business_licence", "big.pdf", Pdf(MaxDocumentBytes + 1), "application/pdf"), HttpStatusCode.RequestEntityTooLarge, "file", "larger than");

        // A path in the name, in every spelling.
        foreach (var name in new[] { "../../etc/passwd.pdf", "..\\..\\windows\\win.ini.pdf", "/etc/cron.d/x.pdf", "C:evil.pdf", "a/../b.pdf" })
        {
            await AssertRefusedAsync(await UploadAsync(supplier, suppliers[0], "business_licence", name, Pdf(100), "application/pdf"), HttpStatusCode.BadRequest, "file", "is a path");
        }

        // A kind the endpoint does not know.
        await AssertRefusedAsync(await UploadAsync(supplier, suppliers[0], "product_image", "x.png", Png(100), "image/png"), HttpStatusCode.BadRequest, "kind", "must be one of");

        // Nothing was stored.
        var list = (await SleekApi.ExpectAsync(await supplier.GetAsync(new Uri($"/api/suppliers/{suppliers[0]}/documents", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        Assert.Empty(list);
    }

    [Fact]
    public async Task Another_partys_supplier_and_files_look_like_they_do_not_exist()
    {
        await using var kit = Kit();
        var suppliers = await kit.SupplierIdsAsync();
        var (owner, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (other, _, _) = await kit.UserAsync("supplier", suppliers[1].ToString());
        var (buyer, _, _) = await kit.UserAsync("buyer");
        var created = await SleekApi.ExpectAsync(await UploadAsync(owner, suppliers[0], "business_licence", "licence.pdf", Pdf(200), "application/pdf"), HttpStatusCode.Created);
        var fileId = created["id"]!.GetValue<string>();

        foreach (var intruder in new[] { other, buyer })
        {
            await AssertRefusedAsync(await UploadAsync(intruder, suppliers[0], "business_licence", "mine-now.pdf", Pdf(200), "application/pdf"), HttpStatusCode.NotFound, null, "does not exist");
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri($"/api/suppliers/{suppliers[0]}/documents", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri($"/api/suppliers/{suppliers[0]}/documents/{fileId}", UriKind.Relative))).StatusCode);
        }

        // Its own supplier's route does not reach another supplier's file by id either.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/suppliers/{suppliers[1]}/documents/{fileId}", UriKind.Relative))).StatusCode);
        // Without a sign-in: 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await kit.Anonymous().GetAsync(new Uri($"/api/suppliers/{suppliers[0]}/documents/{fileId}", UriKind.Relative))).StatusCode);
        // The owner still has it, once.
        var list = (await SleekApi.ExpectAsync(await owner.GetAsync(new Uri($"/api/suppliers/{suppliers[0]}/documents", UriKind.Relative)), HttpStatusCode.OK)).AsArray();
        Assert.Single(list);
    }

    /// <summary>A minimal PDF of about <paramref name="size"/> bytes (the header is what counts).</summary>
    internal static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>PNG signature and noise.</summary>
    internal static byte[] Png(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid supplierId, string kind, string fileName, byte[] bytes, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync(new Uri($"/api/suppliers/{supplierId}/documents", UriKind.Relative), form);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? field, string words)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Contains(words, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    private SecurityKit Kit()
    {
        var settings = new Dictionary<string, string>(StoreSettings) { ["Files:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new SecurityKit(database, settings);
    }
}

/// <summary>The folder store (the default): <c>&lt;data&gt;/files</c>.</summary>
public sealed class FileUploadsOnFolderStore(PostgresDatabase database) : FileUploadScenario(database), IClassFixture<PostgresDatabase>
{
    protected override IReadOnlyDictionary<string, string> StoreSettings => new Dictionary<string, string>();

    protected override string StoreName => "folder";
}

/// <summary>The S3 store against a real S3-protocol server (s3rver).</summary>
public sealed class FileUploadsOnS3Store(PostgresDatabase database, S3Server s3) : FileUploadScenario(database), IClassFixture<PostgresDatabase>, IClassFixture<S3Server>
{
    protected override IReadOnlyDictionary<string, string> StoreSettings => s3.Settings;

    protected override string StoreName => "s3";
}
