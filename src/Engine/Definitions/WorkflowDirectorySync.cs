using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Definitions.Import.Elsa;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>
/// Imports <c>workflows/&lt;id&gt;/v&lt;N&gt;.json</c> at start-up. New files are validated and
/// published; a file equal to its published version is skipped; a file that differs from an already
/// published version of the same number stops start-up (published versions are immutable).
/// </summary>
public sealed partial class WorkflowDirectorySync(DefinitionStore store, ILogger<WorkflowDirectorySync> logger)
{
    /// <summary>Imports every definition file under <paramref name="directory"/>.</summary>
    /// <exception cref="WorkflowSyncException">A file is invalid or conflicts with a published version; the message lists every problem.</exception>
    public async Task<int> SyncAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Workflows directory {Directory} does not exist; no definitions imported", Path.GetFullPath(directory));
            return 0;
        }

        var problems = new List<string>();
        var imported = 0;
        var published = await store.PublishedHashesAsync(cancellationToken);
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path: f, Match: FileName().Match(Path.GetRelativePath(directory, f).Replace('\\', '/'))))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var (path, match) in files)
        {
            var relative = Path.GetRelativePath(directory, path);
            if (!match.Success)
            {
                problems.Add($"{relative}: name it <definition-id>/v<N>.json");
                continue;
            }

            JsonNode? json;
            try
            {
                json = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                problems.Add($"{relative}: not valid JSON ({ex.Message})");
                continue;
            }

            var folderId = match.Groups["id"].Value;
            var fileVersion = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (ElsaExport.Is(json))
            {
                // An Elsa 3 export dropped in: its path names it, as any file here.
                var conversion = ElsaConverter.Convert(json!.AsObject(), folderId, fileVersion);
                if (conversion.Definition is null)
                {
                    problems.Add($"{relative}: {conversion.Summary()}");
                    continue;
                }

                foreach (var warning in conversion.Warnings)
                {
                    logger.LogWarning("Elsa import {File}: {Warning}", relative, warning);
                }

                json = conversion.Definition;
            }

            var id = json?["definitionId"] is JsonValue idValue && idValue.TryGetValue<string>(out var s) ? s : null;
            var version = json?["version"] is JsonValue versionValue && versionValue.TryGetValue<int>(out var v) ? v : (int?)null;
            if (id != folderId || version != fileVersion)
            {
                problems.Add($"{relative}: the file says definitionId '{id}' version {version}, but its path says '{folderId}' version {fileVersion}");
                continue;
            }

            if (IsPublishedAsIs(json!, folderId, fileVersion, published))
            {
                continue;
            }

            var result = await store.PublishAsync(json, "file", cancellationToken);
            switch (result.Status)
            {
                case OperationStatus.Created:
                    imported++;
                    logger.LogInformation("Imported workflow {DefinitionId} v{Version} from {File}", id, version, relative);
                    break;
                case OperationStatus.Ok:
                    break;
                case OperationStatus.Conflict:
                    problems.Add($"{relative}: {result.Message}");
                    break;
                default:
                    var details = result.Errors?.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")) ?? [];
                    problems.Add($"{relative}: {result.Message} {string.Join("; ", details)}");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkflowSyncException(problems);
        }

        logger.LogInformation("Workflows directory {Directory}: {Files} file(s), {Imported} newly imported", Path.GetFullPath(directory), files.Count, imported);
        return imported;
    }

    /// <summary>
    /// Whether the file's content is exactly its published version's: then it was valid when it was published and there is
    /// nothing to do. This skips the full validation (schema, every script parsed) of unchanged files, which was a third
    /// of a restart. Anything else, including a file that does not even deserialize, takes the full path and its errors.
    /// </summary>
    private static bool IsPublishedAsIs(JsonNode json, string id, int version, IReadOnlyDictionary<(string, int), string> published)
    {
        if (!published.TryGetValue((id, version), out var hash))
        {
            return false;
        }

        try
        {
            return json.Deserialize<WorkflowDefinition>(DefinitionJson.Options) is { } definition && DefinitionStore.HashOf(definition) == hash;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<id>[a-z0-9][a-z0-9-]*)/v(?<version>[1-9][0-9]{0,6})\.json$")]
    private static partial Regex FileName();
}
