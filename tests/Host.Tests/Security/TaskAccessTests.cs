using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// A human task is completed only by the role and party it was created for, or by staff acting for that party (audited
/// with both); other parties neither see nor complete it.
/// </summary>
public sealed class TaskAccessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Supplier_completes_only_its_own_task_and_cannot_see_another_suppliers()
    {
        await using var kit = new SecurityKit(database, null, folder => folder.With(SupplierTaskDefinition()));
        var suppliers = await kit.SupplierIdsAsync();
        var (mine, _, _) = await kit.UserAsync("supplier", suppliers[0].ToString());
        var (theirs, _, _) = await kit.UserAsync("supplier", suppliers[1].ToString());
        var (ops, _, _) = await kit.UserAsync("ops");
        var (buyer, _, _) = await kit.UserAsync("buyer");

        var api = new SleekApi(kit.Admin);
        var instance = SleekApi.Id(await api.StartAsync("supplier-confirms", new { supplierId = suppliers[0].ToString() }, $"order-{Guid.NewGuid():N}"));
        await api.WaitForStatusAsync(instance, "Suspended");
        var task = Assert.Single((await api.GetJsonAsync($"/api/tasks?instanceId={instance}"))["items"]!.AsArray())!;
        var taskId = task["id"]!.GetValue<string>();

        // Lists: each supplier sees only its own tasks, whatever filter it passes.
        Assert.Single(await ItemsAsync(mine, "/api/tasks"));
        Assert.Empty(await ItemsAsync(theirs, "/api/tasks"));
        Assert.Empty(await ItemsAsync(theirs, $"/api/tasks?role=supplier&assignee={suppliers[0]}"));
        Assert.Empty(await ItemsAsync(buyer, "/api/tasks"));
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync(new Uri($"/api/tasks/{taskId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(new Uri($"/api/tasks/{taskId}", UriKind.Relative))).StatusCode);

        // Completing: another supplier and a buyer are refused; the task stays open.
        foreach (var stranger in new[] { theirs, buyer })
        {
            using var refused = await stranger.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Confirm" });
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(new Uri($"/api/tasks/{taskId}", UriKind.Relative))).StatusCode);
        var crossTenant = await kit.AuditAsync($"action=access.cross_tenant&target=task={taskId}");
        Assert.Equal(3, crossTenant.Count);

        // A key bound to the other supplier is refused too; one bound to this supplier may.
        var (otherKey, _) = await kit.ApiKeyAsync(["tasks:complete"], "supplier", suppliers[1].ToString());
        using (var refused = await kit.WithKey(otherKey).PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Confirm" }))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{refused.StatusCode} {refused.Headers.WwwAuthenticate} {await refused.Content.ReadAsStringAsync()}");
        }

        using var done = await mine.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Confirm" });
        Assert.Equal("Completed", SleekApi.Status(await SleekApi.ExpectAsync(done, HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Ops_completes_a_suppliers_task_on_its_behalf_and_the_audit_names_both()
    {
        await using var kit = new SecurityKit(database, null, folder => folder.With(SupplierTaskDefinition()));
        var suppliers = await kit.SupplierIdsAsync();
        var (ops, opsId, _) = await kit.UserAsync("ops");
        var (factory, _, _) = await kit.UserAsync("factory", suppliers[0].ToString());

        var api = new SleekApi(kit.Admin);
        var instance = SleekApi.Id(await api.StartAsync("supplier-confirms", new { supplierId = suppliers[0].ToString() }, $"order-{Guid.NewGuid():N}"));
        await api.WaitForStatusAsync(instance, "Suspended");
        var taskId = Assert.Single((await api.GetJsonAsync($"/api/tasks?instanceId={instance}"))["items"]!.AsArray())!["id"]!.GetValue<string>();

        // The supplier's factory (same party, other role) may not; ops may, for the supplier.
        using (var refused = await factory.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Confirm" }))
        {
            await SleekApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.Single(await ItemsAsync(ops, $"/api/tasks?instanceId={instance}"));
        using var done = await ops.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "Confirm" });
        Assert.Equal("Completed", SleekApi.Status(await SleekApi.ExpectAsync(done, HttpStatusCode.OK)));

        var entry = Assert.Single(await kit.AuditAsync($"action=task.completed&target={Uri.EscapeDataString($"task={taskId} instance={instance}")}"))!;
        Assert.Equal(opsId, entry["actor"]!.GetValue<string>());
        Assert.Equal("ops", entry["role"]!.GetValue<string>());
        Assert.Equal($"task completion on behalf of supplier {suppliers[0]}", entry["details"]!.GetValue<string>());
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (await SleekApi.ExpectAsync(response, HttpStatusCode.OK))["items"]!.AsArray();
    }

    private static JsonObject SupplierTaskDefinition() => JsonNode.Parse("""
        {
          "definitionId": "supplier-confirms", "version": 1, "name": "Supplier confirms",
          "inputs": [ { "name": "supplierId", "type": "string", "required": true } ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "confirm", "type": "HumanTask", "inputs": { "title": "Confirm the order", "role": "supplier", "assignee": { "$template": "{{ input.supplierId }}" }, "outcomes": [ "Confirm" ] } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "confirm" } },
              { "source": { "activity": "confirm", "port": "Confirm" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();
}
