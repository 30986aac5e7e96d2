using System.Text.Json;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class AdfTextTests
{
    private static string? Text(string json) => AdfText.ToPlainText(JsonDocument.Parse(json).RootElement.Clone());

    [Fact]
    public void Nested_lists_are_marked_and_indented()
    {
        const string doc = """
            {"type":"doc","version":1,"content":[
              {"type":"bulletList","content":[
                {"type":"listItem","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"one"}]},
                  {"type":"orderedList","attrs":{"order":3},"content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested a"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested b"}]}]}]}]},
                {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]}]}
            """;
        Assert.Equal("- one\n  3. nested a\n  4. nested b\n- two", Text(doc));
    }

    [Fact]
    public void Mentions_emoji_and_hard_breaks_read_as_a_user_sees_them()
    {
        const string doc = """
            {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
              {"type":"text","text":"Ask "},
              {"type":"mention","attrs":{"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ana Sousa"}},
              {"type":"text","text":" "},
              {"type":"emoji","attrs":{"shortName":":smile:","text":"😄"}},
              {"type":"hardBreak"},
              {"type":"mention","attrs":{"id":"abc"}},
              {"type":"text","text":" too","marks":[{"type":"strong"}]}]}]}
            """;
        Assert.Equal("Ask @Ana Sousa 😄\n@abc too", Text(doc));
    }

    [Fact]
    public void Code_blocks_keep_their_lines()
    {
        const string doc = """
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[{"type":"text","text":"Run:"}]},
              {"type":"codeBlock","attrs":{"language":"bash"},"content":[{"type":"text","text":"dotnet build\ndotnet test"}]}]}
            """;
        Assert.Equal("Run:\ndotnet build\ndotnet test", Text(doc));
    }

    [Theory]
    [InlineData("""{"type":"doc","version":1,"content":[]}""")]
    [InlineData("""{"type":"doc","version":1,"content":[{"type":"paragraph"}]}""")]
    [InlineData("null")]
    public void An_empty_document_or_no_description_gives_null(string json) => Assert.Null(Text(json));

    [Fact]
    public void Tables_quotes_and_unknown_nodes_keep_their_text()
    {
        const string doc = """
            {"type":"doc","version":1,"content":[
              {"type":"table","content":[
                {"type":"tableRow","content":[
                  {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Währung"}]}]},
                  {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"金额"}]}]}]}]},
              {"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
              {"type":"futureNode","content":[{"type":"paragraph","content":[{"type":"text","text":"still here"}]}]},
              {"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"x","type":"file"}}]}]}
            """;
        Assert.Equal("Währung | 金额\n> quoted\nstill here", Text(doc));
    }
}
