using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Outbound;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Persistence.Sqlite;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine;

/// <summary>Registers the engine in a host.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine: registry (built-in activities plus those <paramref name="addActivities"/>
    /// adds), validator, interpreter, stores, runtime and, unless turned off, the background worker.
    /// </summary>
    public static IServiceCollection AddSleekEngine(this IServiceCollection services, Action<EngineOptions> configure, Action<ActivityRegistry>? addActivities = null)
    {
        var options = new EngineOptions();
        configure(options);

        var registry = new ActivityRegistry().AddFromAssembly(typeof(Start).Assembly);
        addActivities?.Invoke(registry);

        services.AddSingleton(options);
        services.AddSingleton(options.Database);
        services.AddSingleton(options.Runtime);
        services.AddSingleton(options.Sandbox);
        services.AddSingleton(options.Interpreter);
        services.AddSingleton(options.Retention);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EngineDb>();
        services.AddSingleton<ExpressionSyntax>();
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<WorkflowInterpreter>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<InstanceQueries>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<SqliteProcessLock>();
        services.AddSingleton(sp => sp.GetRequiredService<EngineDb>().BurstStore);
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<BurstRunner>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<ChildWorkflows>();
        services.AddSingleton<Runtime.Hooks.HookRouteTable>();
        services.AddSingleton<InstanceChanges>();
        services.AddSingleton<WorkerHealth>();
        // Resumes by token, event or task all pass the host's IResumeGuards (none registered here: the engine knows no caller).
        services.AddSingleton<ResumeGate>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<InstanceMigrations>();
        services.AddSingleton<RetentionWorker>();
        services.AddSingleton<Runtime.Bulk.BulkJobs>();
        services.AddSingleton<Runtime.Bulk.BulkJobRunner>();
        services.AddSingleton<Runtime.Replay.DraftReplays>();
        services.AddSingleton<WorkflowDirectorySync>();
        // HttpRequest calls only allowed hosts and addresses, and reads up to a cap.
        services.AddSleekOutboundHttp(options.Http);
        if (options.RunWorkers)
        {
            services.AddHostedService<WorkflowWorker>();
            services.AddHostedService<QueueDepthSampler>();
            services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
            // Bulk jobs (cancel, retry, migrate many instances) are worked off by whichever host claims them.
            services.AddHostedService(sp => sp.GetRequiredService<Runtime.Bulk.BulkJobRunner>());
            // PostgreSQL: other hosts' work wakes this one at once (LISTEN); SQLite is one process, so its WorkSignal suffices.
            EngineProvider.AddWorkerServices(services, options.Database);
        }

        // Health reads how workers are woken; without a LISTEN connection (SQLite, no workers) it is polling.
        services.TryAddSingleton<IWorkWakeUps, PollingWakeUps>();

        return services;
    }
}
