using FootDrop.Content.Text;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;

namespace FootDrop.Content.Tests.Triage;

/// <summary>The sentence model's part: examples as vectors, cached; nearest examples; decisions it makes and how they are explained.</summary>
public sealed class SemanticTests
{
    [Fact]
    public void The_examples_are_embedded_once_and_read_back_from_the_cache()
    {
        var cache = Path.Combine(Path.GetTempPath(), "footdrop-cache-" + Guid.NewGuid().ToString("N"));
        SemanticExample[] examples = [new("rule-a", "first example " + Guid.NewGuid(), false), new("rule-a", "a near miss " + Guid.NewGuid(), true)];
        var first = new CountingEmbedder();
        var second = new CountingEmbedder();

        SemanticExamples.Build(examples, first, cache);
        SemanticExamples.Build(examples, second, cache);

        Assert.Equal(2, first.Sentences);
        Assert.Equal(0, second.Sentences);
        Assert.Single(Directory.GetFiles(cache, "semantic-examples-*.bin"));
    }

    [Fact]
    public void An_edited_example_is_embedded_afresh()
    {
        var cache = Path.Combine(Path.GetTempPath(), "footdrop-cache-" + Guid.NewGuid().ToString("N"));
        var embedder = new CountingEmbedder();

        SemanticExamples.Build([new("rule-a", "one " + Guid.NewGuid(), false)], embedder, cache);
        SemanticExamples.Build([new("rule-a", "two " + Guid.NewGuid(), false)], embedder, cache);

        Assert.Equal(2, embedder.Sentences);
    }

    [Fact]
    public void The_nearest_example_the_nearest_near_miss_and_the_nearest_emergency_are_found()
    {
        var embedder = new TableEmbedder(("stroke example", [1, 0, 0]), ("near miss", [0, 1, 0]), ("emergency example", [0.6f, 0.8f, 0]));
        var examples = SemanticExamples.Build(
            [new("a", "stroke example", false), new("a", "near miss", true), new("b", "emergency example", false, IsEmergency: true)], embedder, null);

        var match = examples.Nearest([0.8f, 0.6f, 0])!;

        Assert.Equal("emergency example", match.Nearest.Text);
        Assert.Equal(0.96, match.Score, 3);
        Assert.Equal("near miss", match.NearestMiss!.Text);
        Assert.Equal(0.6, match.MissScore, 3);
        Assert.Equal("emergency example", match.NearestEmergency!.Text);
        Assert.Equal(0.96, match.EmergencyScore, 3);
    }

    [Fact]
    public async Task A_message_the_rules_miss_but_close_to_a_rules_example_is_decided_by_the_model_and_explained()
    {
        var vocabulary = Detectors.Vocabulary;
        var rule = vocabulary.Rules.First(r => r.Id == "stroke-speech");
        var examples = SemanticExamples.From(vocabulary);
        var target = examples.ToList().FindIndex(e => e.Text == rule.Examples[0]);
        var embedder = new OneHotEmbedder(examples.Select(e => TextNormalizer.Canonical(e.Text)).ToList(), ("zorp quibble flanning grobbet wendle", target));
        var semantic = new SemanticReader(() => embedder, examples, null);
        await semantic.WhenReady;
        var detector = new RedFlagDetector(vocabulary, new FixedClock(Detectors.Now), semantic);

        var result = detector.Detect("zorp quibble flanning grobbet wendle");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal(DetectionSource.Semantic, result.Source);
        Assert.Equal("stroke-speech", result.RuleIds[0]);
        Assert.Equal(rule.Examples[0], result.Evidence!.Example);
        Assert.Equal(1.0, result.Evidence.Score, 3);
    }

    [Fact]
    public void Until_the_model_is_ready_the_rules_decide_alone()
    {
        var semantic = new SemanticReader(() => new BlockedEmbedder(), SemanticExamples.From(Detectors.Vocabulary), null);
        var loading = semantic.WhenReady;
        var detector = new RedFlagDetector(Detectors.Vocabulary, new FixedClock(Detectors.Now), semantic);

        Assert.False(loading.IsCompleted);
        Assert.False(semantic.IsReady);
        Assert.Equal(CareLevel.Emergency, detector.Detect("his face is drooping on one side").Level);
        Assert.Equal(CareLevel.None, detector.Detect("zorp quibble flanning grobbet wendle").Level);
    }

    [Fact]
    public async Task The_model_is_loaded_only_once_something_asks_for_it_so_the_bot_can_start_it_after_the_rules()
    {
        var loads = 0;
        var semantic = new SemanticReader(() => { Interlocked.Increment(ref loads); return new CountingEmbedder(); }, [new SemanticExample("new-numbness", "an example", false)], null);

        Assert.Null(semantic.Match(["my foot went numb"]));
        Assert.Equal(0, loads);

        await semantic.WhenReady;

        Assert.Equal(1, loads);
        Assert.True(semantic.IsReady);
        Assert.NotNull(semantic.Match(["my foot went numb"]));
    }

    [Theory]
    [InlineData("her words are all coming out like she's had too many drinks", SignArea.Stroke)]
    [InlineData("he's been sitting on the toilet for ages and nothing will come out", SignArea.CaudaEquina)]
    [InlineData("my toes have begun scraping the floor when I walk this week", SignArea.Leg)]
    public void The_real_model_places_a_paraphrase_nearest_an_example_of_its_area(string paraphrase, SignArea area)
    {
        var match = Detectors.Full.Semantic!.Match([TextNormalizer.Canonical(paraphrase)])![0]!;

        Assert.Equal(area, Detectors.Vocabulary.Rules.Single(r => r.Id == match.Nearest.RuleId).Area);
    }

    private sealed class CountingEmbedder : ISentenceEmbedder
    {
        public int Sentences { get; private set; }

        public string ModelId => "counting";

        public float[][] Embed(IReadOnlyList<string> sentences)
        {
            Sentences += sentences.Count;
            return [.. sentences.Select(_ => new[] { 1f, 0f })];
        }
    }

    private sealed class TableEmbedder(params (string Text, float[] Vector)[] table) : ISentenceEmbedder
    {
        public string ModelId => "table";

        public float[][] Embed(IReadOnlyList<string> sentences) => [.. sentences.Select(s => table.Single(t => t.Text == s).Vector)];
    }

    /// <summary>Every example its own direction; the given sentences point exactly at one of them.</summary>
    private sealed class OneHotEmbedder(IReadOnlyList<string> examples, params (string Text, int Index)[] aliases) : ISentenceEmbedder
    {
        public string ModelId => "one-hot-" + Guid.NewGuid();

        public float[][] Embed(IReadOnlyList<string> sentences) => [.. sentences.Select(Vector)];

        private float[] Vector(string sentence)
        {
            var vector = new float[examples.Count + 1];
            var alias = aliases.FirstOrDefault(a => a.Text == sentence);
            var index = alias.Text is not null ? alias.Index : examples.ToList().IndexOf(sentence);
            vector[index >= 0 ? index : examples.Count] = 1;
            return vector;
        }
    }

    private sealed class BlockedEmbedder : ISentenceEmbedder
    {
        public string ModelId => "blocked";

        public float[][] Embed(IReadOnlyList<string> sentences)
        {
            Thread.Sleep(Timeout.Infinite);
            return [];
        }
    }

    [Fact]
    public void A_foot_that_drags_a_bit_with_nothing_said_to_be_worse_gets_the_leg_question_not_the_model_s_worsening()
    {
        var result = Detectors.Full.Detect("my foot drags a bit when I walk far");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
    }
}
