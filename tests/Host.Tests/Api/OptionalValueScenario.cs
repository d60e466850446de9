using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Host.Setup;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Api;

/// <summary>
/// Optional query values that do not parse (a careless client's <c>?page=two</c>, a script's <c>?from=yesterday</c>)
/// get a problem naming the field, not the bare 400 the build-time request delegates give (<see cref="OptionalValueCheck"/>),
/// and a value that parses still reaches the endpoint.
/// </summary>
public abstract class OptionalValueScenario(TestDatabase database) : HostScenario(database)
{
    [Theory]
    [InlineData("/api/orders?page=two", "page")]
    [InlineData("/api/orders?pageSize=lots", "pageSize")]
    [InlineData("/api/orders?supplierId=acme", "supplierId")]
    [InlineData("/api/orders?from=yesterday", "from")]
    [InlineData("/api/orders?to=2026-02-30", "to")]
    [InlineData("/api/tasks?instanceId=123", "instanceId")]
    [InlineData("/api/incidents?includeResolved=maybe", "includeResolved")]
    [InlineData("/api/audit?from=last+week", "from")]
    [InlineData("/api/workflows/sample-line-total/export?version=latest", "version")]
    [InlineData("/api/orders?page=99999999999999999999", "page")]
    public async Task A_value_that_does_not_parse_is_a_400_naming_the_field(string path, string field)
    {
        var api = StartHost(NewFolder().WithSample("sample-line-total"));
        using var response = await api.GetAsync(path);
        await SleekApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/orders?page=1&pageSize=5&from=2026-01-01&to=2026-12-31")]
    [InlineData("/api/orders?supplierId=00000000-0000-0000-0000-000000000001&page=")]
    [InlineData("/api/incidents?includeResolved=true")]
    [InlineData("/api/workflows/sample-line-total/export?version=1")]
    public async Task A_value_that_parses_or_is_empty_reaches_the_endpoint(string path)
    {
        var api = StartHost(NewFolder().WithSample("sample-line-total"));
        using var response = await api.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_optional_parsable_parameter_of_every_endpoint_is_checked()
    {
        var host = NewHost(NewFolder());
        using var client = host.CreateClient(); // starts it
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var optional = 0;
        foreach (var endpoint in endpoints)
        {
            var expected = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>().Count(p => p.IsOptional && p.HasTryParse);
            optional += expected;
            // A parameter type the check cannot parse would be left to the generated binding's bare 400.
            Assert.True(expected == OptionalValueCheck.ChecksOf(endpoint).Length, $"{endpoint.DisplayName}: {expected} optional parsable parameters, {OptionalValueCheck.ChecksOf(endpoint).Length} checked");
        }

        // The app has dozens (paging on every list): a metadata change that hid them all would make this test vacuous.
        Assert.True(optional > 40, $"only {optional} optional parsable parameters found");
    }
}

public sealed class OptionalValueOnPostgres(PostgresDatabase database) : OptionalValueScenario(database), IClassFixture<PostgresDatabase>;

public sealed class OptionalValueOnSqlite(SqliteDatabase database) : OptionalValueScenario(database), IClassFixture<SqliteDatabase>;
