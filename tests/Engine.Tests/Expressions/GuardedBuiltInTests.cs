using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Expressions;

/// <summary>
/// The built-ins the sandbox guards (docs/dependencies.md §3) give the language's answers: only their size is
/// checked, not what they compute. Each script runs in a SetVariable; the variable holds what it returned.
/// </summary>
public sealed class GuardedBuiltInTests
{
    private readonly TestEngine _engine = new();

    [Theory]
    [InlineData("'ab'.repeat(3)", "\"ababab\"")]
    [InlineData("'5'.padStart(3, '0') + '|' + 'x'.padEnd(3, 'ab') + '|' + 'long'.padStart(2)", "\"005|xab|long\"")]
    [InlineData("'a'.concat(1, null, [2, 3])", "\"a1null2,3\"")]
    [InlineData("'Straße'.toUpperCase() + 'ÀB'.toLowerCase()", "\"STRASSEàb\"")]
    [InlineData("'Ab'.normalize('NFKC') + 'c'.normalize()", "\"Abc\"")]
    [InlineData("'John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1')", "\"Smith, John\"")]
    [InlineData("'aXbXc'.replaceAll('X', '[$&]')", "\"a[X]b[X]c\"")]
    [InlineData("'abc'.replace('b', \"$`|$'\")", "\"aa|cc\"")]
    [InlineData("'2026-03-02'.replace(/(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)/, '$<d>.$<m>.$<y>')", "\"02.03.2026\"")]
    [InlineData("'x'.replace('x', '$$ $0 $9 $<n> $')", "\"$ $0 $9 $<n> $\"")]
    [InlineData("'ab'.replace(/(a)(b)?/, '$2|$1|$10|$01')", "\"b|a|a0|a\"")]
    [InlineData("'a1b22'.replace(/\\d+/g, m => `(${m})`)", "\"a(1)b(22)\"")]
    [InlineData("'a1b22c'.match(/\\d+/g)", "[\"1\",\"22\"]")]
    [InlineData("'abc'.match(/x/g)", "null")]
    [InlineData("'aaa'.match(/a*?/g).length", "4")]
    [InlineData("'\\ud83d\\ude00x'.match(/(?:)/gu).length", "3")]
    [InlineData("'abc'.match('b').index + ':' + 'abc'.search('c')", "\"1:2\"")]
    [InlineData("[...'abc'.matchAll(/./g)].map(m => m[0]).join('')", "\"abc\"")]
    [InlineData("[1, [2, [3, [4]]]].flat(Infinity)", "[1,2,3,4]")]
    [InlineData("[1, [2, [3]], , 5].flat()", "[1,2,[3],5]")]
    [InlineData("[1, null, undefined, 'x', [2, 3]].join('-')", "\"1---x-2,3\"")]
    [InlineData("let a = [1]; a.push(a); a.join()", "\"1,\"")]
    [InlineData("String([1, [2, 3]]) + '|' + [1.5, 2].toLocaleString('en-US')", "\"1,2,3|1.5,2\"")]
    [InlineData("`${[1, 2]} and ${{ toString() { return 'obj'; } }} and ${`in${1 + 1}ner`}`", "\"1,2 and obj and in2ner\"")]
    [InlineData("((tag) => tag`a${1}b`)((s, v) => s.raw.join('|') + v)", "\"a|b1\"")]
    [InlineData("String.raw`a\\nb${1 + 1}`", "\"a\\\\nb2\"")]
    [InlineData("JSON.stringify({ b: 1, a: [1, { c: 'x\"y\\n' }], u: undefined, f() {} })", "\"{\\\"b\\\":1,\\\"a\\\":[1,{\\\"c\\\":\\\"x\\\\\\\"y\\\\n\\\"}]}\"")]
    [InlineData("JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c'])", "\"{\\\"a\\\":1,\\\"c\\\":{\\\"a\\\":3}}\"")]
    [InlineData("JSON.stringify({ a: [1] }, null, 2)", "\"{\\n  \\\"a\\\": [\\n    1\\n  ]\\n}\"")]
    [InlineData("JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v * 10 : v)", "\"{\\\"a\\\":10,\\\"b\\\":\\\"x\\\"}\"")]
    [InlineData("JSON.stringify({ toJSON() { return { z: 1 }; } }) + JSON.stringify(new String('s')) + JSON.stringify([new Date(0)])", "\"{\\\"z\\\":1}\\\"s\\\"[\\\"1970-01-01T00:00:00.000Z\\\"]\"")]
    [InlineData("JSON.stringify(undefined) === undefined && JSON.stringify(() => 1) === undefined", "true")]
    [InlineData("({ ...{ a: 1 }, ...'hi', ...null, b: 2 })", "{\"0\":\"h\",\"1\":\"i\",\"a\":1,\"b\":2}")]
    [InlineData("new RegExp('a+', 'g').test('caat') && RegExp('x').source === 'x' && /x/.constructor === RegExp && new RegExp(/ab/g).flags === 'g'", "true")]
    [InlineData("new RegExp({ toString() { return 'b+'; } }).exec('abbc')[0]", "\"bb\"")]
    [InlineData("Object.entries({ a: 1 }).concat(Object.keys('xy'))", "[[\"a\",1],\"0\",\"1\"]")]
    [InlineData("Object.assign({}, { a: 1 }, 'xy')", "{\"0\":\"x\",\"1\":\"y\",\"a\":1}")]
    [InlineData("encodeURIComponent('a b&c') + encodeURI('/x y') + escape('ä')", "\"a%20b%26c/x%20y%E4\"")]
    [InlineData("input.items.map(i => `${i.sku}×${i.qty}`).join(', ')", "\"A-1×2, B-2×3\"")]
    public async Task Guarded_built_in_gives_the_language_answer(string script, string expectedJson)
    {
        var flow = new Flow()
            .Variable("result", null)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "result", value = Js(script) })
            .Chain("start", "set");

        var (run, result) = await _engine.StartAsync(flow, new { items = new[] { new { sku = "A-1", qty = 2 }, new { sku = "B-2", qty = 3 } } });

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(JsonNode.Parse(expectedJson)?.ToJsonString() ?? "null", run.State.Variables["result"]?.ToJsonString() ?? "null");
    }
}
