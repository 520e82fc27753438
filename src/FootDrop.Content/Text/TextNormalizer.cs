using System.Globalization;
using System.Text;

namespace FootDrop.Content.Text;

public enum TokenKind
{
    Word,

    /// <summary>A comma or a dash: it may end a list item or a clause, never a sentence.</summary>
    Pause,

    /// <summary>Full stop, question or exclamation mark, semicolon, colon or line break.</summary>
    SentenceEnd,
}

/// <summary>One word (or mark) of a message, with where it came from in the original text.</summary>
public readonly record struct Token(string Text, TokenKind Kind, int Start, int End)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsQuestionMark => Kind == TokenKind.SentenceEnd && Text == "?";
}

/// <summary>A message as every recogniser reads it: the same words, the same sentence boundaries.</summary>
public sealed class NormalizedText
{
    internal NormalizedText(string original, Token[] tokens)
    {
        Original = original;
        Tokens = tokens;
        Words = tokens.Where(t => t.IsWord).Select(t => t.Text).ToArray();
        Canonical = string.Join(' ', Words);
    }

    public string Original { get; }

    /// <summary>Words and marks in order; a sentence never spans a <see cref="TokenKind.SentenceEnd"/>.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>The words alone, normalised ("Can't" is "can" "not", "u" is "you").</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words joined by single spaces: what whole-message matching compares.</summary>
    public string Canonical { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>
    /// A run-on message with no full stops (dictated, or pasted) is read in pieces of this many tokens, cut at a comma
    /// where there is one: no negation or condition reaches that far, and reading stays linear in the message's length.
    /// </summary>
    public const int MaxSentenceTokens = 60;

    /// <summary>Token ranges [start, end) of each sentence, end marks excluded.</summary>
    public IEnumerable<(int Start, int End, bool IsQuestion)> Sentences()
    {
        var start = 0;
        var lastPause = -1;
        for (var i = 0; i <= Tokens.Count; i++)
        {
            if (i == Tokens.Count || Tokens[i].Kind == TokenKind.SentenceEnd)
            {
                if (i > start)
                {
                    yield return (start, i, i < Tokens.Count && Tokens[i].IsQuestionMark);
                }

                start = i + 1;
                lastPause = -1;
            }
            else if (Tokens[i].Kind == TokenKind.Pause)
            {
                lastPause = i;
            }
            else if (i - start >= MaxSentenceTokens)
            {
                var cut = lastPause > start + MaxSentenceTokens / 2 ? lastPause : i;
                yield return (start, cut, false);
                start = cut == i ? i : cut + 1;
                lastPause = -1;
            }
        }
    }
}

/// <summary>
/// The one way FootDrop.Bot reads text. Red-flag detection, topic recognition, yes/no answers, commands and the
/// sentence model all see the same words, so a fix to contractions, texting shorthand or punctuation helps each of
/// them at once. Content phrases go through the same steps, so a clinician can write "can't" or "cannot" alike.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// Contractions and texting shorthand, written out. Negations become a separate "not", so "can't", "cant", "cannot"
    /// and "can not" are one phrase to every rule.
    /// </summary>
    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["cant"] = ["can", "not"],
        ["cannot"] = ["can", "not"],
        ["cnt"] = ["can", "not"],
        ["carnt"] = ["can", "not"],
        ["cannae"] = ["can", "not"],
        ["cyaan"] = ["can", "not"],
        ["kyaan"] = ["can", "not"],
        ["caan"] = ["can", "not"],
        ["canny"] = ["can", "not"],
        ["canna"] = ["can", "not"],
        ["couldnae"] = ["could", "not"],
        ["dinnae"] = ["do", "not"],
        ["didnae"] = ["did", "not"],
        ["wouldnae"] = ["would", "not"],
        ["isnae"] = ["is", "not"],
        ["wasnae"] = ["was", "not"],
        // Dropped g's on the words of signs, which the general rule misses when the model's word list lacks the -ing form.
        ["trippin"] = ["tripping"],
        ["slappin"] = ["slapping"],
        ["catchin"] = ["catching"],
        ["scuffin"] = ["scuffing"],
        ["floppin"] = ["flopping"],
        ["tinglin"] = ["tingling"],
        ["stumblin"] = ["stumbling"],
        ["wobblin"] = ["wobbling"],
        ["limpin"] = ["limping"],
        ["shufflin"] = ["shuffling"],
        ["draggin"] = ["dragging"],
        ["fallin"] = ["falling"],
        ["leakin"] = ["leaking"],
        ["burnin"] = ["burning"],
        ["shootin"] = ["shooting"],
        ["throbbin"] = ["throbbing"],
        ["snaggin"] = ["snagging"],
        ["clippin"] = ["clipping"],
        ["slippin"] = ["slipping"],
        ["staggerin"] = ["staggering"],
        ["collapsin"] = ["collapsing"],
        ["droopin"] = ["drooping"],
        ["slurrin"] = ["slurring"],
        ["saggin"] = ["sagging"],
        ["peein"] = ["peeing"],
        ["weein"] = ["weeing"],
        ["havnae"] = ["have", "not"],
        ["havenae"] = ["have", "not"],
        ["havena"] = ["have", "not"],
        ["haena"] = ["have", "not"],
        ["hasnae"] = ["has", "not"],
        ["wisnae"] = ["was", "not"],
        ["doesnae"] = ["does", "not"],
        ["willnae"] = ["will", "not"],
        ["shouldnae"] = ["should", "not"],
        ["nae"] = ["no"],
        ["wi"] = ["with"],
        ["tae"] = ["to"],
        ["dae"] = ["do"],
        ["daein"] = ["doing"],
        ["fir"] = ["for"],
        ["oot"] = ["out"],
        ["heid"] = ["head"],
        ["cudnt"] = ["could", "not"],
        ["couldnt"] = ["could", "not"],
        ["wont"] = ["will", "not"],
        ["wouldnt"] = ["would", "not"],
        ["shouldnt"] = ["should", "not"],
        ["dont"] = ["do", "not"],
        ["dnt"] = ["do", "not"],
        ["doesnt"] = ["does", "not"],
        ["dosnt"] = ["does", "not"],
        ["didnt"] = ["did", "not"],
        ["didint"] = ["did", "not"],
        ["isnt"] = ["is", "not"],
        ["aint"] = ["is", "not"],
        ["arent"] = ["are", "not"],
        ["wasnt"] = ["was", "not"],
        ["werent"] = ["were", "not"],
        ["havent"] = ["have", "not"],
        ["hasnt"] = ["has", "not"],
        ["hadnt"] = ["had", "not"],
        ["mustnt"] = ["must", "not"],
        ["neednt"] = ["need", "not"],
        ["im"] = ["i", "am"],
        ["ive"] = ["i", "have"],
        ["youre"] = ["you", "are"],
        ["theyre"] = ["they", "are"],
        ["hes"] = ["he", "is"],
        ["shes"] = ["she", "is"],
        ["thats"] = ["that", "is"],
        ["whats"] = ["what", "is"],
        ["theres"] = ["there", "is"],
        // Jamaican and other Caribbean English.
        ["mi"] = ["my"],
        ["di"] = ["the"],
        ["dem"] = ["them"],
        ["dat"] = ["that"],
        ["dis"] = ["this"],
        ["nuh"] = ["not"],
        ["wid"] = ["with"],
        ["ting"] = ["thing"],
        ["gonna"] = ["going", "to"],
        ["outta"] = ["out", "of"],
        ["kinda"] = ["kind", "of"],
        ["sorta"] = ["sort", "of"],
        ["lotta"] = ["lot", "of"],
        ["lemme"] = ["let", "me"],
        ["gimme"] = ["give", "me"],
        ["wanna"] = ["want", "to"],
        ["gotta"] = ["got", "to"],
        ["dunno"] = ["do", "not", "know"],
        ["idk"] = ["i", "do", "not", "know"],
        ["u"] = ["you"],
        ["ur"] = ["your"],
        ["r"] = ["are"],
        ["pls"] = ["please"],
        ["plz"] = ["please"],
        ["thx"] = ["thanks"],
        ["ty"] = ["thank", "you"],
        ["rn"] = ["right", "now"],
        ["atm"] = ["at", "the", "moment"],
        ["b4"] = ["before"],
        ["2day"] = ["today"],
        ["2nite"] = ["tonight"],
        ["tmrw"] = ["tomorrow"],
        ["bc"] = ["because"],
        ["cuz"] = ["because"],
        ["coz"] = ["because"],
        ["cos"] = ["because"],
        ["abt"] = ["about"],
        ["w"] = ["with"],
        ["wiv"] = ["with"],
        ["ppl"] = ["people"],
        ["yr"] = ["year"],
        ["yrs"] = ["years"],
        ["wk"] = ["week"],
        ["wks"] = ["weeks"],
        ["hr"] = ["hour"],
        ["hrs"] = ["hours"],
        ["min"] = ["minute"],
        ["mins"] = ["minutes"],
        ["sec"] = ["second"],
        ["secs"] = ["seconds"],
        ["tho"] = ["though"],
        ["thru"] = ["through"],
        // The model's vocabulary holds these dropped-g forms as words, so RestoreDroppedG leaves them to this list.
        ["nothin"] = ["nothing"],
        ["goin"] = ["going"],
        ["doin"] = ["doing"],
        ["nuthin"] = ["nothing"],
        ["nuffin"] = ["nothing"],
        ["nowt"] = ["nothing"],
        ["nope"] = ["nope"],
        ["sumthin"] = ["something"],
        ["somethin"] = ["something"],
        ["bcuz"] = ["because"],
        // Nursing notes' shorthand for the limbs ("LLE flaccid", "BLE weak") and weight
        ["lle"] = ["left", "leg"],
        ["rle"] = ["right", "leg"],
        ["ble"] = ["both", "legs"],
        ["lue"] = ["left", "arm"],
        ["rue"] = ["right", "arm"],
        ["wt"] = ["weight"],
        ["cath"] = ["catheter"],
        ["cathed"] = ["catheterised"],
        // Polish words people mix into English: leg, legs, foot, it hurts
        ["noga"] = ["leg"],
        ["nogi"] = ["legs"],
        ["noge"] = ["leg"],
        ["stopa"] = ["foot"],
        ["boli"] = ["hurts"],
        // Punjabi and Hindi words mixed into English: pain, leg
        ["dard"] = ["pain"],
        ["latt"] = ["leg"],
        ["taang"] = ["leg"],
        ["pishab"] = ["pee"],
        // Tamil: gone numb ("marathu pochu"), leg, pain
        ["marathu"] = ["numb"],
        ["kaal"] = ["leg"],
        ["vali"] = ["pain"],
        ["peshab"] = ["pee"],
        // Portuguese: leg, numb, tingling, pee, dizziness
        ["perna"] = ["leg"],
        ["pernas"] = ["legs"],
        ["dormente"] = ["numb"],
        ["formigando"] = ["tingling"],
        ["formigamento"] = ["tingling"],
        ["xixi"] = ["pee"],
        ["tontura"] = ["dizziness"],
        // Brazilian Portuguese: not, can ("não consigo" is "not can"), do, lift, move, see, arm, eye, heel, ankle, pain,
        // goes down, dead, weak, left, right, my, all, half, hour, since, Wednesday
        ["nao"] = ["not"],
        ["consigo"] = ["can"],
        ["fazer"] = ["do"],
        ["levanta"] = ["lift"],
        ["levantar"] = ["lift"],
        ["mexe"] = ["move"],
        ["mexer"] = ["move"],
        ["enxerga"] = ["see"],
        ["braco"] = ["arm"],
        ["olho"] = ["eye"],
        ["calcanhar"] = ["heel"],
        ["tornozelo"] = ["ankle"],
        ["dor"] = ["pain"],
        ["desce"] = ["goes", "down"],
        ["morta"] = ["dead"],
        ["morto"] = ["dead"],
        ["fraca"] = ["weak"],
        ["fraco"] = ["weak"],
        ["esquerda"] = ["left"],
        ["esquerdo"] = ["left"],
        ["direita"] = ["right"],
        ["direito"] = ["right"],
        ["minha"] = ["my"],
        ["meu"] = ["my"],
        ["toda"] = ["all"],
        ["meia"] = ["half"],
        ["hora"] = ["hour"],
        ["desde"] = ["since"],
        ["quarta"] = ["wednesday"],
        ["repente"] = ["suddenly"],
        // Spanish: leg, legs, numb, tingling, dizzy, "the" before them
        ["pierna"] = ["leg"],
        ["piernas"] = ["legs"],
        ["entumido"] = ["numb"],
        ["entumida"] = ["numb"],
        ["hormigueo"] = ["tingling"],
        ["mareado"] = ["dizzy"],
        ["mareada"] = ["dizzy"],
        ["las"] = ["the"],
        // Italian: leg, legs, foot, feet, tingling
        ["gamba"] = ["leg"],
        ["gambe"] = ["legs"],
        ["piede"] = ["foot"],
        ["piedi"] = ["feet"],
        ["formicolio"] = ["tingling"],
        // German: foot, leg, numb, tingling, dizziness
        ["fuß"] = ["foot"],
        ["bein"] = ["leg"],
        ["beine"] = ["legs"],
        ["taub"] = ["numb"],
        ["kribbeln"] = ["tingling"],
        ["schwindel"] = ["dizziness"],
        // and, as Swiss and Austrian writers mix them in: feet without ß ("fuss" is English), headache, numbness, sudden, lame, face, weak, no, not
        ["fusse"] = ["feet"],
        ["kopfweh"] = ["headache"],
        ["kopfschmerz"] = ["headache"],
        ["kopfschmerzen"] = ["headache"],
        ["taubheit"] = ["numbness"],
        ["plotzlich"] = ["suddenly"],
        ["lahm"] = ["lame"],
        ["gesicht"] = ["face"],
        ["schwach"] = ["weak"],
        ["kein"] = ["no"],
        ["keine"] = ["no"],
        ["nicht"] = ["not"],
        // Spellings typed by ear, too short for typing-mistake tolerance
        ["fut"] = ["foot"],
        ["numm"] = ["numb"],
        ["atall"] = ["at", "all"],
        ["wot"] = ["what"],
        ["wat"] = ["what"],
        ["wud"] = ["would"],
        ["whit"] = ["what"],
        ["sinse"] = ["since"],
        ["fal"] = ["fall"],
        ["worsee"] = ["worse"],
        ["falk"] = ["fall"],
        ["wrnt"] = ["went"],
        ["teh"] = ["the"],
        ["nno"] = ["no"],
        ["tkes"] = ["takes"],
        ["cyan"] = ["can", "not"],
        ["ain"] = ["is", "not"],
        ["df"] = ["dorsiflexion"],
        // Jamaican Patois: nothing
        ["nuttin"] = ["nothing"],
        ["nutten"] = ["nothing"],
        ["nutting"] = ["nothing"],
        ["mnth"] = ["month"],
        ["mnths"] = ["months"],
        ["wrds"] = ["words"],
        ["sory"] = ["sorry"],
        ["rigth"] = ["right"],
        ["comign"] = ["coming"],
        // Scots: dead, down, from, all ("at aw"); Shetland too: was, mouth, hanging, now, one, way, myself, didn't, over
        ["deid"] = ["dead"],
        ["doon"] = ["down"],
        ["fae"] = ["from"],
        ["aw"] = ["all"],
        ["wis"] = ["was"],
        ["mooth"] = ["mouth"],
        ["hingin"] = ["hanging"],
        ["noo"] = ["now"],
        ["een"] = ["one"],
        ["wey"] = ["way"],
        ["mesel"] = ["myself"],
        ["masel"] = ["myself"],
        ["didna"] = ["did", "not"],
        ["ower"] = ["over"],
        // "the" in Shetland, Cajun and Hawaii speech; an Irish "me da" (father) loses a person word it never had
        ["da"] = ["the"],
        // Caribbean English and Jamaican Patois: can't, don't, herself, himself, hand, catch, on
        ["cyah"] = ["can", "not"],
        ["doh"] = ["do", "not"],
        ["sheself"] = ["herself"],
        ["heself"] = ["himself"],
        ["han"] = ["hand"],
        ["ketch"] = ["catch"],
        ["pon"] = ["on"],
        // Tagalog: numb ("hilo", dizzy, is also a town in Hawaii: dialogs/redflags.json has it in phrases); care-log
        // shorthand "PU" (passed urine)
        ["manhid"] = ["numb"],
        ["pu"] = ["passed", "urine"],
        // Nigerian Pidgin: walk, what, please
        ["waka"] = ["walk"],
        ["wetin"] = ["what"],
        ["abeg"] = ["please"],
        // Bengali and Sylheti: head
        ["matha"] = ["head"],
        // Nepali: head, leg
        ["tauko"] = ["head"],
        ["khutta"] = ["leg"],
        ["khutto"] = ["leg"],
        // Hawaii Pidgin: never, ever, there, think, after, slipper(s)
        ["neva"] = ["never"],
        ["nevah"] = ["never"],
        ["eva"] = ["ever"],
        ["dere"] = ["there"],
        ["tink"] = ["think"],
        ["aftah"] = ["after"],
        ["slippah"] = ["slipper"],
        ["slippahs"] = ["slippers"],
        // Indian English: sandals or slippers
        ["chappal"] = ["slipper"],
        ["chappals"] = ["slippers"],
        ["chappel"] = ["slipper"],
        // Autocorrect on a tablet: "leg" becomes "keg", "numbness" "bumness"
        ["keg"] = ["leg"],
        ["kegs"] = ["legs"],
        ["bumness"] = ["numbness"],
        // Cumbrian: very, only ("nobbut")
        ["gey"] = ["very"],
        ["nobbut"] = ["only"],
        // Korean: numb and tingly ("jeorida"); dictation's "num" for numb and "blather" for bladder
        ["jeorida"] = ["numb"],
        ["jeoryeo"] = ["numb"],
        ["num"] = ["numb"],
        ["blather"] = ["bladder"],
        // The American South: can't, leg, legs
        ["caint"] = ["can", "not"],
        ["laig"] = ["leg"],
        ["laigs"] = ["legs"],
        // Black Country: can't, wasn't, won't
        ["cor"] = ["can", "not"],
        ["wor"] = ["was", "not"],
        // Dutch: legs, foot, head, dizzy ("been", leg, is also English, so it is left alone)
        ["benen"] = ["legs"],
        ["voet"] = ["foot"],
        ["hoofd"] = ["head"],
        ["duizelig"] = ["dizzy"],
    };

    /// <summary>The longest run of words ended by a full stop that is still read as a fragment of the next sentence.</summary>
    private const int FragmentWords = 3;

    /// <summary>Apostrophe endings, read off before the word is looked up ("she's", "dad's", "we'll").</summary>
    private static readonly (string Suffix, string[] Replacement)[] ApostropheSuffixes =
    [
        ("n't", ["not"]),
        ("'ll", ["will"]),
        ("'re", ["are"]),
        ("'ve", ["have"]),
        ("'m", ["am"]),
        // "I'd" is "I had" as often as "I would": the ending is dropped rather than guessed.
        ("'d", []),
        ("'s", []),
    ];

    /// <summary>Where a bracket of at most three words that opens at <paramref name="open"/> closes; -1 when it is longer.</summary>
    private static int ShortAside(string text, int open)
    {
        var words = 0;
        var inWord = false;
        for (var i = open + 1; i < text.Length && i <= open + 40; i++)
        {
            var c = text[i];
            if (c == ')')
            {
                return words is > 0 and <= 3 ? i : -1;
            }

            if (c is '(' or '.' or '!' or '?' or '\n')
            {
                return -1;
            }

            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return -1;
    }

    /// <summary>Normalises a whole message.</summary>
    public static NormalizedText Normalize(string? text)
    {
        text ??= string.Empty;
        var tokens = new List<Token>(text.Length / 4 + 1);
        var word = new StringBuilder();
        var wordStart = -1;
        var asideEnd = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (i < text.Length && IsWordChar(text, i))
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                continue;
            }

            if (wordStart >= 0)
            {
                AddWord(text, wordStart, i, tokens, word);
                wordStart = -1;
            }

            if (i == text.Length)
            {
                break;
            }

            switch (c)
            {
                case '.' or '!' or '?' or ';' or '\n' or '\r' or '\u2026':
                    // "..." and "?!" are one end, and the question mark wins: it marks the sentence as a question.
                    var mark = c == '?' ? "?" : c is '\n' or '\r' ? "\n" : ".";
                    if (tokens.Count > 0 && tokens[^1].Kind == TokenKind.SentenceEnd)
                    {
                        var last = tokens[^1];
                        tokens[^1] = last with { Text = last.Text == "?" ? "?" : mark, End = i + 1 };
                    }
                    else if (tokens.Count > 0)
                    {
                        tokens.Add(new Token(mark, TokenKind.SentenceEnd, i, i + 1));
                    }

                    break;
                case '(' when ShortAside(text, i) > i:
                    // "(no feeling) is new": a few words in brackets are read as part of the sentence around them.
                    asideEnd = ShortAside(text, i);
                    break;
                case ')' when i == asideEnd:
                    break;
                case '(' or ')':
                    // A longer aside is a pause that remembers its bracket: what it dates stays inside it.
                    tokens.Add(new Token(c.ToString(), TokenKind.Pause, i, i + 1));
                    break;
                case ',' or ':' or '\u2013' or '\u2014':
                    // A colon joins a label to what it says: "pain down the leg: no" is read like "pain down the leg, no".
                    tokens.Add(new Token(",", TokenKind.Pause, i, i + 1));
                    break;
                case '-' when (i == 0 || char.IsWhiteSpace(text[i - 1])) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])):
                    // A dash between spaces is a pause; a hyphen inside a word ("pins-and-needles") only splits it.
                    tokens.Add(new Token(",", TokenKind.Pause, i, i + 1));
                    break;
                case '&' or '+':
                    tokens.Add(new Token("and", TokenKind.Word, i, i + 1));
                    break;
            }
        }

        JoinFragments(tokens);
        SidesBeforeBodyParts(text, tokens);
        DoubleNegativesOfDegree(tokens);
        NursesNotNow(tokens);
        PatienceNotPatients(tokens);
        return new NormalizedText(text, [.. tokens]);
    }

    /// <summary>
    /// "Patient" names someone else ("the patient", "my patient"), but after "be", "so" or "stay" it is patience: "my
    /// acupuncturist says be patient but it's a bit worse" is the writer's own foot, not a patient's.
    /// </summary>
    private static void PatienceNotPatients(List<Token> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Text == "patient"
                && tokens[i - 1].Text is "be" or "being" or "been" or "stay" or "staying" or "keep" or "so" or "very" or "too" or "more" or "remain" or "just")
            {
                tokens[i] = tokens[i] with { Text = "patiently" };
            }
        }
    }

    /// <summary>
    /// Texting "rn" is "right now", but after "a", "an", "retired" or "hospice" it is a registered nurse ("I'm a hospice
    /// RN"): read as "right now", the writer's job would become a sudden start.
    /// </summary>
    private static void NursesNotNow(List<Token> tokens)
    {
        for (var i = tokens.Count - 2; i >= 1; i--)
        {
            if (tokens[i].Text == "right" && tokens[i + 1].Text == "now" && tokens[i].Start == tokens[i + 1].Start && tokens[i].End - tokens[i].Start == 2
                && tokens[i - 1].Text is "a" or "an" or "the" or "retired" or "hospice" or "icu" or "er" or "registered" or "charge" or "school" or "agency" or "another" or "fellow")
            {
                tokens[i] = tokens[i] with { Text = "nurse" };
                tokens.RemoveAt(i + 1);
            }
        }
    }

    /// <summary>
    /// "He can't hardly walk to the barn" says he can hardly walk: in many dialects the "not" before "hardly",
    /// "barely" or "scarcely" only strengthens it, and read as a denial it would hide the trouble.
    /// </summary>
    private static void DoubleNegativesOfDegree(List<Token> tokens)
    {
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            if (tokens[i].Text == "not" && tokens[i + 1].Text is "hardly" or "barely" or "scarcely")
            {
                tokens.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Texting "r" is "are" ("r u ok"), but a lone R before a body part is the right side, as in a clinician's "R toes
    /// scraping x1wk": read as "are", it would turn the note into a question.
    /// </summary>
    private static void SidesBeforeBodyParts(string text, List<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Text == "are" && tokens[i].End - tokens[i].Start == 1 && char.ToLowerInvariant(text[tokens[i].Start]) == 'r'
                && tokens[i + 1].IsWord && IsBodyPart(tokens[i + 1].Text))
            {
                tokens[i] = tokens[i] with { Text = "right" };
            }
        }
    }

    private static bool IsBodyPart(string word)
        => word is "foot" or "feet" or "toe" or "toes" or "leg" or "legs" or "arm" or "hand" or "side" or "knee" or "ankle"
            or "hip" or "calf" or "shin" or "thigh" or "eye" or "face" or "heel" or "shoe" or "lower" or "upper";

    /// <summary>
    /// "head. worst ever. sudden." is one thought typed in fragments (telegraphic texting, or a writer with aphasia):
    /// a full stop after three words or fewer is read as a comma, so the fragments are read together. A question mark
    /// stays, since it turns a fragment into a question ("numb? no").
    /// </summary>
    private static void JoinFragments(List<Token> tokens)
    {
        var words = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Word)
            {
                words++;
            }
            else if (token.Kind == TokenKind.SentenceEnd)
            {
                if (token.Text != "?" && words is > 0 and <= FragmentWords && i + 1 < tokens.Count && !QuestionFollows(tokens, i))
                {
                    tokens[i] = token with { Text = ",", Kind = TokenKind.Pause };
                }

                words = 0;
            }
        }
    }

    /// <summary>"Falls: none. So I can start?" A fragment is not joined to a question after it, which would make it a question too.</summary>
    private static bool QuestionFollows(List<Token> tokens, int end)
    {
        for (var i = end + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.SentenceEnd)
            {
                return tokens[i].Text == "?";
            }
        }

        return false;
    }

    /// <summary>The words of a phrase written in content (a clinician's "can't lift" is "can not lift").</summary>
    public static string[] Words(string? phrase) => [.. Normalize(phrase).Words];

    /// <summary>The words of a message joined by single spaces ("Yes!!" and " yes." are both "yes").</summary>
    public static string Canonical(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : Normalize(text).Canonical;

    /// <summary>True when <paramref name="phrase"/>'s words occur together in <paramref name="canonical"/> as whole words.</summary>
    public static bool ContainsPhrase(string canonical, string canonicalPhrase)
    {
        if (canonicalPhrase.Length == 0)
        {
            return false;
        }

        var index = 0;
        while ((index = canonical.IndexOf(canonicalPhrase, index, StringComparison.Ordinal)) >= 0)
        {
            var end = index + canonicalPhrase.Length;
            if ((index == 0 || canonical[index - 1] == ' ') && (end == canonical.Length || canonical[end] == ' '))
            {
                return true;
            }

            index = end;
        }

        return false;
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        // An apostrophe inside a word belongs to it ("can't", "dad's"); at either end it is a quote mark.
        return c is '\'' or '\u2019' or '\u2018' or '`'
            && i > 0 && char.IsLetterOrDigit(text[i - 1])
            && i + 1 < text.Length && char.IsLetter(text[i + 1]);
    }

    private static void AddWord(string text, int start, int end, List<Token> tokens, StringBuilder buffer)
    {
        buffer.Clear();
        foreach (var raw in text.AsSpan(start, end - start))
        {
            AppendFolded(raw, buffer);
        }

        var word = CollapseRuns(buffer.ToString());
        string[] suffixWords = [];
        var apostrophe = word.IndexOf('\'');
        if (apostrophe >= 0)
        {
            foreach (var (suffix, replacement) in ApostropheSuffixes)
            {
                if (word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    var stem = word[..^suffix.Length];
                    // "can't" leaves "ca" (the American South's "cain't" "cai"), "won't" leaves "wo", "ain't" leaves "ai".
                    stem = suffix == "n't" ? stem switch { "ca" or "cai" => "can", "wo" => "will", "ai" => "is", "sha" => "shall", _ => stem } : stem;
                    word = stem;
                    suffixWords = replacement;
                    break;
                }
            }

            word = word.Replace("'", string.Empty, StringComparison.Ordinal);
        }

        foreach (var part in SplitDigitsFromLetters(word))
        {
            if (Expansions.TryGetValue(part, out var expansion))
            {
                foreach (var expanded in expansion)
                {
                    tokens.Add(new Token(expanded, TokenKind.Word, start, end));
                }
            }
            else if (part.Length > 0)
            {
                tokens.Add(new Token(RestoreDroppedG(part), TokenKind.Word, start, end));
            }
        }

        foreach (var suffixWord in suffixWords)
        {
            tokens.Add(new Token(suffixWord, TokenKind.Word, start, end));
        }
    }

    /// <summary>"liftin", "tinglin", "gettin": a dropped final g is put back when only the full word is English.</summary>
    private static string RestoreDroppedG(string word)
        => word.Length >= 4 && word.EndsWith("in", StringComparison.Ordinal) && !KnownWords.Contains(word) && KnownWords.Contains(word + "g")
            ? word + "g"
            : word;

    /// <summary>Lower case without accents; every apostrophe becomes a plain one.</summary>
    private static void AppendFolded(char raw, StringBuilder buffer)
    {
        if (raw is '\u2019' or '\u2018' or '`')
        {
            buffer.Append('\'');
            return;
        }

        var lower = char.ToLowerInvariant(raw);
        if (lower < 128)
        {
            buffer.Append(lower);
            return;
        }

        foreach (var c in lower.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                buffer.Append(c);
            }
        }
    }

    /// <summary>
    /// "Sooo", "nooo" and "numbbb" are "so", "no" and "numb": three or more of a letter are one, or two when that
    /// makes a known word that is more common ("falll", "streeet", "seee" are "fall", "street", "see", not "se").
    /// </summary>
    private static string CollapseRuns(string word)
    {
        var single = CollapseRuns(word, 1);
        if (ReferenceEquals(single, word))
        {
            return word;
        }

        var doubled = CollapseRuns(word, 2);
        return KnownWords.Rank(doubled) < KnownWords.Rank(single) ? doubled : single;
    }

    private static string CollapseRuns(string word, int keep)
    {
        var hasRun = false;
        for (var i = 2; i < word.Length && !hasRun; i++)
        {
            hasRun = word[i] == word[i - 1] && word[i] == word[i - 2] && char.IsLetter(word[i]);
        }

        if (!hasRun)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var runEnd = i;
            while (runEnd + 1 < word.Length && word[runEnd + 1] == word[i])
            {
                runEnd++;
            }

            var length = runEnd - i + 1;
            builder.Append(word[i], length >= 3 && char.IsLetter(word[i]) ? keep : length);
            i = runEnd;
        }

        return builder.ToString();
    }

    /// <summary>"3days" is "3 days" and "10yrs" is "10 yrs"; shorthand such as "b4" and "2day" is kept whole.</summary>
    private static IEnumerable<string> SplitDigitsFromLetters(string word)
    {
        if (Expansions.ContainsKey(word) || word.Length < 2)
        {
            yield return word;
            yield break;
        }

        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsDigit(word[i]) != char.IsDigit(word[i - 1]) && !IsOrdinalSuffix(word, i))
            {
                yield return word[start..i];
                start = i;
            }
        }

        yield return word[start..];
    }

    /// <summary>"3rd", "21st" and "2nd" stay whole.</summary>
    private static bool IsOrdinalSuffix(string word, int i)
        => char.IsDigit(word[i - 1]) && word[i..] is "st" or "nd" or "rd" or "th";
}
