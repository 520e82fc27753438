using FootDrop.Content.Text;

namespace FootDrop.Content.Tests.Text;

/// <summary>The one way every recogniser reads text.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("I can't lift my foot", "i can not lift my foot")]
    [InlineData("I cant lift my foot", "i can not lift my foot")]
    [InlineData("I cannot lift my foot", "i can not lift my foot")]
    [InlineData("She won't wake up", "she will not wake up")]
    [InlineData("he doesn't know", "he does not know")]
    [InlineData("I'm dizzy", "i am dizzy")]
    [InlineData("I've fallen", "i have fallen")]
    [InlineData("my dad's face", "my dad face")]
    [InlineData("u ok?", "you ok")]
    [InlineData("idk", "i do not know")]
    [InlineData("soooo numb", "so numb")]
    [InlineData("mi falll 3 time", "my fall 3 time")]
    [InlineData("inna di streeet", "inna the street")]
    [InlineData("fooot numbbb", "foot numb")]
    [InlineData("mi wife fal twice sinse di weekend", "my wife fall twice since the weekend")]
    [InlineData("cant fel my rigth side, wrds comign out wrong sory", "can not fel my right side words coming out wrong sorry")]
    [InlineData("nope nuttin worsee", "nope nothing worse")]
    [InlineData("cant seee out of it", "can not see out of it")]
    [InlineData("a goood day, nooo pain", "a good day no pain")]
    [InlineData("had a falk, legs wrnt, teh end", "had a fall legs went the end")]
    [InlineData("R toes scraping, r u ok", "right toes scraping are you ok")]
    [InlineData("e ain' numb, he cyan talk, DF 0/5", "e is not numb he can not talk dorsiflexion 0 5")]
    [InlineData("grabbed her matha", "grabbed her head")]
    [InlineData("NUMBNESS!!!", "numbness")]
    [InlineData("her foot's no liftin", "her foot no lifting")]
    [InlineData("nae pain wi the stretch", "no pain with the stretch")]
    [InlineData("begin within the cabin", "begin within the cabin")]
    [InlineData("pins-and-needles", "pins and needles")]
    [InlineData("10yrs", "10 years")]
    [InlineData("3rd time", "3rd time")]
    [InlineData("Café naïve", "cafe naive")]
    [InlineData("it\u2019s fine", "it fine")]
    [InlineData("cannae go", "can not go")]
    [InlineData("he canna get up", "he can not get up")]
    [InlineData("her cor pass water", "her can not pass water")]
    [InlineData("it wor like that", "it was not like that")]
    [InlineData("tauko dukhyo, khutta heavy", "head dukhyo leg heavy")]
    [InlineData("geen gevoel in haar benen of voet, hoofd duizelig", "geen gevoel in haar legs of foot head dizzy")]
    [InlineData("nowt numb, nuthin new", "nothing numb nothing new")]
    [InlineData("mi foot", "my foot")]
    [InlineData("LLE flaccid", "left leg flaccid")]
    [InlineData("noga boli", "leg hurts")]
    [InlineData("dard in latt", "pain in leg")]
    [InlineData("cannot do pishab", "can not do pee")]
    [InlineData("perna dormente", "leg numb")]
    [InlineData("Fuß taub", "foot numb")]
    [InlineData("nonna gamba formicolio", "nonna leg tingling")]
    [InlineData("las piernas entumido", "the legs numb")]
    [InlineData("kaal vali, bottom marathu", "leg pain bottom numb")]
    [InlineData("cant move it atall", "can not move it at all")]
    [InlineData("me fut is numm", "me foot is numb")]
    [InlineData("da right side o her mooth wis hingin doon noo", "the right side o her mouth was hanging down now")]
    [InlineData("messed mesel an didna feel it, left een's goin da same wey", "messed myself an did not feel it left one going the same way")]
    [InlineData("masel, ower, doin", "myself over doing")]
    [InlineData("she cain't walk, caint stand, her laig, both laigs", "she can not walk can not stand her leg both legs")]
    [InlineData("left hand jeorida, num down there, my blather", "left hand numb numb down there my bladder")]
    [InlineData("mãe não levanta o braço direito, minha perna esquerda toda morta", "mae not lift o arm right my leg left all dead")]
    [InlineData("não consigo fazer xixi, a dor desce até o tornozelo desde quarta", "not can do pee a pain goes down ate o ankle since wednesday")]
    [InlineData("seit einer Stunde Kopfweh, keine Taubheit, nicht plötzlich", "seit einer stunde headache no numbness not suddenly")]
    [InlineData("his chappal keeps slipping off", "his slipper keeps slipping off")]
    [InlineData("don't want to fuss", "do not want to fuss")]
    [InlineData("whole keg gone dead, new bumness, both kegs, gey sore, nobbut", "whole leg gone dead new numbness both legs very sore only")]
    public void Words_are_read_the_same_however_they_are_typed(string text, string canonical)
        => Assert.Equal(canonical, TextNormalizer.Canonical(text));

    [Fact]
    public void Sentences_end_at_full_stops_question_marks_and_line_breaks()
    {
        var text = TextNormalizer.Normalize("My foot is numb. Is that bad?\nThanks");

        var sentences = text.Sentences().ToList();

        Assert.Equal(3, sentences.Count);
        Assert.False(sentences[0].IsQuestion);
        Assert.True(sentences[1].IsQuestion);
    }

    [Fact]
    public void A_full_stop_after_three_words_or_fewer_joins_the_fragment_to_the_next_sentence()
    {
        var text = TextNormalizer.Normalize("head. worst ever. it came on in seconds and I feel sick.");

        Assert.Single(text.Sentences());
    }

    [Fact]
    public void A_few_words_in_brackets_are_read_with_the_sentence_around_them()
        => Assert.DoesNotContain(TextNormalizer.Normalize("yes (no feeling) is new").Tokens, t => t.Kind == TokenKind.Pause);

    [Fact]
    public void A_longer_aside_in_brackets_is_still_a_pause()
        => Assert.Contains(TextNormalizer.Normalize("my foot (the one that was operated on last year) is fine").Tokens, t => t.Kind == TokenKind.Pause);

    [Fact]
    public void A_longer_aside_keeps_which_bracket_opens_and_which_closes()
        => Assert.Equal(["(", ")"], TextNormalizer.Normalize("my foot (the one that was operated on last year) is fine").Tokens.Where(t => t.Kind == TokenKind.Pause).Select(t => t.Text));

    [Fact]
    public void A_colon_is_a_pause_between_a_label_and_what_it_says()
        => Assert.Equal(["pain", "down", "the", "leg", ",", "no"], TextNormalizer.Normalize("pain down the leg: no").Tokens.Select(t => t.Text));

    [Fact]
    public void A_fragment_is_not_joined_to_a_question_after_it()
        => Assert.Equal([false, true], TextNormalizer.Normalize("falls: none. so i can start?").Sentences().Select(s => s.IsQuestion));

    [Fact]
    public void A_fragment_is_still_joined_to_a_statement_after_it()
        => Assert.Single(TextNormalizer.Normalize("head. worst ever").Sentences());

    [Fact]
    public void A_question_mark_after_a_fragment_still_ends_it()
        => Assert.Equal(2, TextNormalizer.Normalize("numb? no. just tired legs").Sentences().Count());

    [Theory]
    [InlineData("he can't hardly walk", "he can hardly walk")]
    [InlineData("she couldnt barely stand", "she could barely stand")]
    [InlineData("i do not scarcely feel it", "i do scarcely feel it")]
    [InlineData("it is not hard", "it is not hard")]
    [InlineData("not barely moving", "barely moving")]
    public void A_not_before_hardly_or_barely_only_strengthens_it(string message, string canonical)
        => Assert.Equal(canonical, TextNormalizer.Canonical(message));

    [Theory]
    [InlineData("I'm a hospice RN", "i am a hospice nurse")]
    [InlineData("as an rn i know", "as an nurse i know")]
    [InlineData("my foot is numb rn", "my foot is numb right now")]
    [InlineData("the right now", "the right now")]
    [InlineData("a rn", "a nurse")]
    [InlineData("as an im", "as an i am")]
    [InlineData("the rn said", "the nurse said")]
    [InlineData("retired rn", "retired nurse")]
    [InlineData("hospice rn", "hospice nurse")]
    [InlineData("icu rn", "icu nurse")]
    [InlineData("er rn", "er nurse")]
    [InlineData("registered rn", "registered nurse")]
    [InlineData("charge rn", "charge nurse")]
    [InlineData("school rn", "school nurse")]
    [InlineData("agency rn", "agency nurse")]
    [InlineData("another rn", "another nurse")]
    [InlineData("fellow rn", "fellow nurse")]
    public void RN_after_a_or_a_job_word_is_a_nurse_and_otherwise_right_now(string message, string canonical)
        => Assert.Equal(canonical, TextNormalizer.Canonical(message));

    [Theory]
    [InlineData("be patient", "be patiently")]
    [InlineData("being patient", "being patiently")]
    [InlineData("been patient", "been patiently")]
    [InlineData("stay patient", "stay patiently")]
    [InlineData("staying patient", "staying patiently")]
    [InlineData("keep patient", "keep patiently")]
    [InlineData("so patient", "so patiently")]
    [InlineData("very patient", "very patiently")]
    [InlineData("too patient", "too patiently")]
    [InlineData("more patient", "more patiently")]
    [InlineData("remain patient", "remain patiently")]
    [InlineData("just patient", "just patiently")]
    [InlineData("the patient", "the patient")]
    [InlineData("my patient is worse", "my patient is worse")]
    [InlineData("patient", "patient")]
    public void Patient_after_be_so_or_stay_is_patience_not_a_patient(string message, string canonical)
        => Assert.Equal(canonical, TextNormalizer.Canonical(message));

    [Fact]
    public void A_run_on_message_is_cut_into_pieces_of_bounded_length()
    {
        var text = TextNormalizer.Normalize(string.Join(' ', Enumerable.Repeat("and then I walked", 100)));

        Assert.All(text.Sentences(), s => Assert.True(s.End - s.Start <= NormalizedText.MaxSentenceTokens + 1));
    }

    [Fact]
    public void Every_word_keeps_where_it_came_from()
    {
        var text = TextNormalizer.Normalize("Hi, can't walk");

        var cant = text.Tokens.Where(t => t.Text is "can" or "not").ToList();

        Assert.All(cant, t => Assert.Equal("can't", "Hi, can't walk"[t.Start..t.End]));
    }

    [Fact]
    public void An_empty_or_blank_message_has_no_words()
    {
        Assert.True(TextNormalizer.Normalize(null).IsEmpty);
        Assert.True(TextNormalizer.Normalize("  \n ").IsEmpty);
        Assert.Equal(string.Empty, TextNormalizer.Canonical("?!"));
    }

    [Theory]
    [InlineData("i can not lift my foot", "can not lift", true)]
    [InlineData("i can not lift my foot", "lift my", true)]
    [InlineData("i can not lift my foot", "ift my", false)]
    [InlineData("i can not lift my foot", "", false)]
    public void A_phrase_is_found_only_as_whole_words(string canonical, string phrase, bool found)
        => Assert.Equal(found, TextNormalizer.ContainsPhrase(canonical, phrase));
}
