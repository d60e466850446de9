using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Sleek.Workflows.Host.Tests.Persistence;

/// <summary>
/// Every context's compiled model (<c>Persistence/&lt;Provider&gt;/CompiledModel</c>, what the host runs with so a start
/// does not build the model from <c>OnModelCreating</c>) is what <c>dotnet ef dbcontext optimize</c> makes of the code
/// now: the model is generated again into a temporary folder, as the command does, and compared file by file. A
/// model change without a new compiled model fails here instead of running on a stale one (README "Layout" has the
/// command). No database is opened.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData("engine", "PostgreSQL")]
    [InlineData("engine", "SQLite")]
    [InlineData("marketplace", "PostgreSQL")]
    [InlineData("marketplace", "SQLite")]
    [InlineData("security", "PostgreSQL")]
    [InlineData("security", "SQLite")]
    public void Every_compiled_model_matches_the_code(string context, string provider)
    {
        var folder = TempDirectory.Create("compiled-model");
        try
        {
            using var contexts = new OfflineContexts(folder, provider);
            using var db = contexts.Create(context);
            var contextType = db.GetType();
            var committed = CommittedFolder(contextType);

            // The host runs with the committed model, discovered from its assembly attribute.
            Assert.Equal(contextType.Namespace + ".CompiledModel." + contextType.Name + "Model", db.Model.GetType().FullName);

            var generated = Path.Combine(folder, "generated");
            Scaffolder(db).ScaffoldModel(
                db.GetService<IDesignTimeModel>().Model,
                generated,
                new CompiledModelCodeGenerationOptions
                {
                    ContextType = contextType,
                    ModelNamespace = contextType.Namespace + ".CompiledModel",
                    Language = "C#",
                    UseNullableReferenceTypes = true,
                });

            var expected = Directory.GetFiles(generated).Select(Path.GetFileName).Order().ToList();
            var actual = Directory.GetFiles(committed, "*.cs").Select(Path.GetFileName).Order().ToList();
            var regenerate = $"the compiled model of {contextType.Name} is stale: regenerate it (README, \"Layout\")";
            Assert.True(expected.SequenceEqual(actual), $"{regenerate}; files differ: generated [{string.Join(", ", expected)}], committed [{string.Join(", ", actual)}]");
            foreach (var file in expected)
            {
                Assert.True(
                    Normalize(File.ReadAllText(Path.Combine(generated, file!))) == Normalize(File.ReadAllText(Path.Combine(committed, file!))),
                    $"{regenerate}; {file} differs");
            }
        }
        finally
        {
            TempDirectory.Delete(folder);
        }
    }

    // EF's design-time services for this context and its provider, as `dotnet ef` assembles them.
    private static ICompiledModelScaffolder Scaffolder(DbContext db)
    {
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        var providerAssembly = Assembly.Load(new AssemblyName(db.Database.ProviderName!));
        var providerServices = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
            ?? throw new InvalidOperationException($"{providerAssembly.GetName().Name} names no design-time services");
        var designTime = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(providerServices.TypeName, throwOnError: true)!)!;
        designTime.ConfigureDesignTimeServices(services);
        return services.BuildServiceProvider().GetRequiredService<ICompiledModelScaffolder>();
    }

    // src/<Project>/Persistence/<Provider>/CompiledModel of the checkout.
    private static string CommittedFolder(Type contextType)
    {
        var project = contextType.Assembly.GetName().Name!["Sleek.Workflows.".Length..];
        var provider = contextType.Namespace!.Split('.')[^1];
        return Path.Combine(SourceTree.Root, "src", project, "Persistence", provider, "CompiledModel");
    }

    // Each generation draws a new model id; everything else must be equal.
    private static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.TrimStart('\uFEFF').ReplaceLineEndings("\n"), "modelId: new Guid\\(\"[0-9a-f-]+\"\\)", "modelId: …");
}
