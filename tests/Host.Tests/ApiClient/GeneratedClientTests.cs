using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Sleek.Workflows.Host.Tests.ApiClient.Generated;
using Sleek.Workflows.Host.Tests.ApiClient.Generated.Models;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.ApiClient;

/// <summary>
/// The C# client Kiota generates from <c>openapi.v1.json</c> (see Host.Tests.csproj) against the real host: typed
/// answers, problems as typed exceptions, and both ways of identifying the caller the document declares.
/// </summary>
public sealed class GeneratedClientTests(PostgresDatabase database) : HostScenario(database), IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Signs_in_lists_workflows_starts_an_instance_and_resumes_its_bookmark()
    {
        using var http = NewHost(NewFolder().WithSample("sample-approval")).CreateAnonymousClient();
        var anonymous = Client(http, new AnonymousAuthenticationProvider());

        var health = await anonymous.Health.GetAsync();
        Assert.True(health!.Database!.Ok);
        Assert.Equal(Database.Provider, health.Database.Provider);
        Assert.Contains(health.Status, new[] { "Healthy", "Degraded" });

        var token = await SignInAsync(anonymous);
        Assert.Equal("admin", token.Role);
        Assert.Equal("Bearer", token.TokenType);
        Assert.True(token.ExpiresIn > 0);
        var admin = Client(http, new BaseBearerTokenAuthenticationProvider(new StaticAccessToken(token.AccessToken!)));

        var workflows = await admin.Api.Workflows.GetAsync();
        var sample = Assert.Single(workflows!, w => w.DefinitionId == "sample-approval");
        Assert.Equal(1, sample.LatestVersion);
        Assert.False(sample.HasDraft);

        var started = await admin.Api.Instances.PostAsync(new StartInstanceBody
        {
            DefinitionId = "sample-approval",
            CorrelationId = "client-R-7",
            Input = new JsonObject { AdditionalData = { ["requestId"] = "R-7", ["amount"] = 12 } },
        });
        Assert.Equal(WorkflowStatus.Suspended, started!.Status);
        Assert.Equal(1, started.Version);
        var bookmark = Assert.Single(started.Bookmarks!);
        Assert.Equal("HumanTask", bookmark.Name);

        var resumed = await admin.Api.Bookmarks[bookmark.Token].Resume.PostAsync(new JsonNode { AdditionalData = { ["outcome"] = "Approve" } });
        Assert.Equal(started.Id, resumed!.Id);
        var finished = await Eventually.UntilAsync(
            () => admin.Api.Instances[started.Id!.Value].GetAsync()!,
            i => i!.Status == WorkflowStatus.Completed,
            "the approved instance to complete",
            i => $"{i?.Status}");
        Assert.Contains(finished!.Journal!, j => j.ActivityId == "mark-approved");

        // Problems come back as typed exceptions with their status and detail.
        var again = await Assert.ThrowsAsync<ProblemDetails>(() => admin.Api.Bookmarks[bookmark.Token].Resume.PostAsync(new JsonNode { AdditionalData = { ["outcome"] = "Approve" } }));
        Assert.Equal(409, again.ResponseStatusCode);
        Assert.Equal(409, again.Status);
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => admin.Api.Instances[Guid.NewGuid()].GetAsync());
        Assert.Equal(404, missing.Status);
        Assert.Contains("does not exist", missing.Detail, StringComparison.Ordinal);
        var badPaging = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => admin.Api.Instances.GetAsync(q => q.QueryParameters.PageSize = 1000));
        Assert.Equal(400, badPaging.Status);
        Assert.Contains("pageSize", badPaging.Errors!.AdditionalData.Keys);

        var page = await admin.Api.Instances.GetAsync(q =>
        {
            q.QueryParameters.CorrelationId = "client-R-7";
            q.QueryParameters.PageSize = 1;
        });
        Assert.Equal(1, page!.Total);
        Assert.Equal(1, page.PageSize);
        Assert.Equal(started.Id, Assert.Single(page.Items!).Id);
    }

    [Fact]
    public async Task An_api_key_made_through_the_client_opens_the_endpoints_of_its_scopes_only()
    {
        using var http = NewHost(NewFolder()).CreateAnonymousClient();
        var token = await SignInAsync(Client(http, new AnonymousAuthenticationProvider()));
        var admin = Client(http, new BaseBearerTokenAuthenticationProvider(new StaticAccessToken(token.AccessToken!)));

        var created = await admin.Api.ApiKeys.PostAsync(new CreateKeyBody { Name = "reporting", Scopes = ["instances:read"] });
        Assert.Equal(["instances:read"], created!.ApiKey!.Scopes);
        Assert.Null(created.ApiKey.RevokedAt);
        var key = Client(http, new ApiKeyHeader(created.Key!));

        var instances = await key.Api.Instances.GetAsync();
        Assert.Equal(1, instances!.PageNumber);
        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => key.Api.Workflows.GetAsync());
        Assert.Equal(403, refused.ResponseStatusCode);

        await admin.Api.ApiKeys[created.ApiKey.Id!.Value].DeleteAsync();
        var revoked = await Assert.ThrowsAsync<ProblemDetails>(() => key.Api.Instances.GetAsync());
        Assert.Equal(401, revoked.ResponseStatusCode);
    }

    private static SleekApiClient Client(HttpClient http, IAuthenticationProvider authentication) =>
        new(new HttpClientRequestAdapter(authentication, httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });

    /// <summary>The database's admin (<see cref="TestAuth"/>): bootstrapped by the first client, signed in by later ones.</summary>
    private static async Task<SignInAnswer> SignInAsync(SleekApiClient anonymous)
    {
        try
        {
            return (await anonymous.Api.Auth.BootstrapAdmin.PostAsync(new BootstrapBody { Token = TestAuth.BootstrapToken, Email = TestAuth.AdminEmail, Password = TestAuth.AdminPassword }))!;
        }
        catch (ProblemDetails conflict) when (conflict.ResponseStatusCode == 409)
        {
            return (await anonymous.Api.Auth.Login.PostAsync(new LoginBody { Email = TestAuth.AdminEmail, Password = TestAuth.AdminPassword }))!;
        }
    }

    /// <summary>The API-key scheme: <c>X-Api-Key</c> (Kiota's own provider refuses plain http, which the in-memory host speaks).</summary>
    private sealed class ApiKeyHeader(string key) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("X-Api-Key", key);
            return Task.CompletedTask;
        }
    }

    /// <summary>A bearer token known in advance (Kiota's own providers fetch one).</summary>
    private sealed class StaticAccessToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
