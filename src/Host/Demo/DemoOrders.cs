using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Host.Endpoints.Quotes;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Quotes;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Host.Demo;

/// <summary>
/// Makes the demo's quotes and orders the way people would: starts quote-to-delivery for the demo buyer (as
/// <c>POST /api/quotes</c> does), accepts (the <c>QuoteAccepted</c> event, as <c>POST /api/quotes/{id}/accept</c>
/// does) and completes the tasks that come up, as ops, the supplier, the buyer and the factory would, until the
/// scenario's stop. A scenario whose quote exists already was made before and is left alone.
/// </summary>
internal sealed class DemoOrders(WorkflowRuntime runtime, TaskQueries tasks, InstanceQueries instances, MarketplaceDb marketplace, ILogger<DemoOrders> logger)
{
    private const int MaxTasks = 60;

    /// <summary>The demo acts as the system: it plays every role at once, so no party check applies (audited as "demo").</summary>
    private static readonly ResumeCaller DemoCaller = ResumeCaller.Internal("demo");
    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>How each task is answered, by the start of its title; the first match wins.</summary>
    private static readonly IReadOnlyList<(string TitleStart, string Form)> Answers =
    [
        ("Review order", """{"outcome":"Approve","reason":"demo order checked"}"""),
        ("Confirm payment of", """{"reference":"DEMO-WIRE-0001"}"""),
        ("New order", """{"outcome":"Accept"}"""),
        ("Send a sample", """{"trackingNumber":"DEMO-SAMPLE-1","notes":"two colourways"}"""),
        ("Approve the sample", """{"outcome":"Approve","feedback":"looks right"}"""),
        ("Start ", "{}"),
        ("Complete ", """{"notes":"done"}"""),
        ("QC inspection", """{"outcome":"Pass","notes":"AQL 2.5 passed"}"""),
        ("Ship order", """{"carrier":"DHL","trackingNumber":"JD0146000012345"}"""),
        ("Confirm delivery", """{"notes":"signed for by the buyer"}"""),
    ];

    /// <summary>Runs every scenario not made before; returns how many were made now and how many existed already.</summary>
    public async Task<(int Made, int Existing)> SeedAsync(string buyerUserId, string buyerEmail, CancellationToken cancellationToken)
    {
        var (made, existing) = (0, 0);
        foreach (var scenario in DemoScenario.All)
        {
            if (await QuoteExistsAsync(scenario.QuoteId, cancellationToken))
            {
                existing++;
            }
            else if (await RunAsync(scenario, buyerUserId, buyerEmail, cancellationToken))
            {
                made++;
            }
        }

        return (made, existing);
    }

    /// <summary>The supplier most demo orders went to, else the first demo supplier, else any: the one the demo's supplier and factory users work for.</summary>
    public async Task<Guid?> DemoSupplierAsync(string buyerUserId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        var assigned = await db.Orders.AsNoTracking().Where(o => o.BuyerUserId == buyerUserId && o.SupplierId != null)
            .Select(o => o.SupplierId!.Value).ToListAsync(cancellationToken);
        if (assigned.Count > 0)
        {
            return assigned.GroupBy(id => id).OrderByDescending(g => g.Count()).First().Key;
        }

        var first = DemoSuppliers.Id(1);
        return await db.Suppliers.AnyAsync(s => s.Id == first, cancellationToken)
            ? first
            : await db.Suppliers.OrderBy(s => s.Name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> QuoteExistsAsync(Guid quoteId, CancellationToken cancellationToken)
    {
        await using var db = marketplace.CreateContext();
        return await db.Quotes.AnyAsync(q => q.Id == quoteId, cancellationToken);
    }

    /// <summary>Starts the scenario's request and drives it to its stop; false when it could not start.</summary>
    private async Task<bool> RunAsync(DemoScenario scenario, string buyerUserId, string buyerEmail, CancellationToken cancellationToken)
    {
        var validation = QuoteRequestValidator.Validate(new QuoteRequest
        {
            ProductType = scenario.ProductType,
            Quantity = scenario.Quantity,
            Complexity = scenario.Complexity,
            Email = buyerEmail,
            Name = "Ada Apparel",
            Requirements = $"Demo: {scenario.Story}.",
        });
        var request = validation.Request ?? throw new InvalidOperationException($"demo request {scenario.Number} is invalid: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");

        // The input POST /api/quotes gives the workflow for a signed-in buyer (QuotesEndpoints.CreateAsync).
        var input = new JsonObject
        {
            ["quoteId"] = scenario.QuoteId.ToString(),
            ["productType"] = request.Category.Key,
            ["quantity"] = request.Quantity,
            ["complexity"] = request.Complexity.ToString().ToLowerInvariant(),
            ["email"] = request.Email,
            ["name"] = request.Name,
            ["requirements"] = request.Requirements,
            ["buyerUserId"] = buyerUserId,
        };
        var started = await runtime.StartAsync(new StartRequest(QuotesEndpoints.WorkflowId, null, scenario.QuoteId.ToString(), input, scenario.InstanceId), cancellationToken);
        if (started.Status is not (OperationStatus.Created or OperationStatus.Ok))
        {
            logger.LogWarning("Demo request {Number} could not start {WorkflowId}: {Message}", scenario.Number, QuotesEndpoints.WorkflowId, started.Message);
            return false;
        }

        if (scenario.Accept)
        {
            var accepted = await runtime.PublishEventAsync("QuoteAccepted", scenario.QuoteId.ToString(), new JsonObject { ["quoteId"] = scenario.QuoteId.ToString() }, DemoCaller, cancellationToken);
            if (accepted.Status is not (OperationStatus.Ok or OperationStatus.Created))
            {
                logger.LogWarning("Demo request {Number}: accepting its quote failed: {Message}", scenario.Number, accepted.Message);
                return true;
            }

            await CompleteTasksAsync(scenario, cancellationToken);
        }

        logger.LogInformation("Demo request {Number}: {Story}", scenario.Number, scenario.Story);
        return true;
    }

    private async Task CompleteTasksAsync(DemoScenario scenario, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxTasks; i++)
        {
            if (await NextTaskAsync(scenario, cancellationToken) is not { } next)
            {
                return;
            }

            var (task, token) = next;
            if (scenario.StopAt is not null && task.Title.StartsWith(scenario.StopAt, StringComparison.Ordinal))
            {
                return;
            }

            var answer = Answers.FirstOrDefault(a => task.Title.StartsWith(a.TitleStart, StringComparison.Ordinal));
            if (answer.Form is null)
            {
                logger.LogWarning("Demo request {Number}: no demo answer for the task '{Title}'; it stays open", scenario.Number, task.Title);
                return;
            }

            var resumed = await runtime.ResumeAsync(token, JsonNode.Parse(answer.Form), DemoCaller, cancellationToken);
            if (resumed.Status == OperationStatus.Invalid)
            {
                logger.LogWarning("Demo request {Number}: the task '{Title}' refused the demo's answer: {Message}", scenario.Number, task.Title, resumed.Message);
                return;
            }

            // NotFound or Conflict: someone (another host's demo) completed it first; the next task is looked up anyway.
        }

        logger.LogWarning("Demo request {Number}: stopped after {Count} tasks", scenario.Number, MaxTasks);
    }

    /// <summary>The scenario's oldest open task and its token; null once its instance has ended (or nothing came within <see cref="StepWait"/>).</summary>
    private async Task<(TaskView Task, string Token)?> NextTaskAsync(DemoScenario scenario, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StepWait;
        while (true)
        {
            var open = await tasks.ListAsync(new TaskFilter { CorrelationId = scenario.QuoteId.ToString(), PageSize = 1 }, cancellationToken);
            if (open.Items.Count > 0 && await tasks.FindOpenAsync(open.Items[0].Id, cancellationToken) is { } found)
            {
                return found;
            }

            var instance = await instances.GetAsync(scenario.InstanceId, includeJournal: false, cancellationToken);
            if (instance is null || instance.Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled or WorkflowStatus.Faulted)
            {
                if (instance?.Status == WorkflowStatus.Faulted)
                {
                    logger.LogWarning("Demo request {Number}: its workflow instance {InstanceId} faulted ({Error}); see /api/incidents", scenario.Number, scenario.InstanceId, instance.Error);
                }

                return null;
            }

            if (DateTime.UtcNow > deadline)
            {
                logger.LogWarning("Demo request {Number}: no task came up within {Seconds} s; instance {InstanceId} is {Status}", scenario.Number, StepWait.TotalSeconds, scenario.InstanceId, instance.Status);
                return null;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }
}
