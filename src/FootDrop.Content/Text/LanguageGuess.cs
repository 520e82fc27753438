namespace FootDrop.Content.Text;

/// <summary>
/// Guesses whether a message is in a language other than English, so the bot can say that it only understands English
/// and still give the emergency advice. It errs towards English: a message is "not English" only when it is mostly in
/// another script, or when another language's everyday words clearly outnumber English ones.
/// </summary>
public static class LanguageGuess
{
    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "and", "my", "is", "i", "to", "a", "of", "in", "it", "that", "have", "has", "not", "with", "for", "on", "he",
        "she", "his", "her", "was", "are", "be", "can", "do", "does", "did", "what", "how", "me", "this", "foot", "leg",
        "you", "your", "at", "but", "so", "am", "been", "just", "since", "when", "help", "pain", "feel", "walk", "hi",
        "hello", "please", "thanks", "yes", "no", "from", "up", "down", "out", "then", "now", "will", "would", "could",
    };

    /// <summary>Everyday words of Spanish, French, German, Portuguese, Italian, Dutch, Polish and romanised Hindi that English lacks.</summary>
    private static readonly HashSet<string> OtherWords = new(StringComparer.Ordinal)
    {
        // Spanish
        "el", "los", "las", "que", "y", "mi", "mis", "es", "pie", "pierna", "madre", "padre", "puede", "tiene", "dolor",
        "cara", "brazo", "hablar", "del", "una", "por", "para", "con", "muy", "tengo", "esta", "pero", "como", "mucho",
        "hola", "ayuda", "no", "se", "su", "lo",
        // French
        "le", "les", "et", "est", "je", "mon", "ma", "mes", "pied", "jambe", "pas", "une", "des", "qui", "avec", "mais",
        "bonjour", "aide", "il", "elle", "ne", "au", "du", "sur",
        // German
        "der", "die", "das", "und", "ist", "ich", "mein", "meine", "nicht", "fuss", "bein", "ein", "eine", "mit", "hallo",
        "hilfe", "er", "sie", "auf", "kann", "habe",
        // Portuguese and Italian
        "o", "os", "meu", "minha", "nao", "perna", "il", "di", "che", "mio", "mia", "non", "piede", "gamba", "ho", "sono",
        "ola", "ajuda", "aiuto", "ciao", "em", "um", "uma",
        // Dutch and Polish
        "het", "een", "ik", "mijn", "niet", "voet", "noga", "nie", "jest", "mam", "moja", "moj", "stopa", "pomoc",
        // Hindi and Urdu written in Latin letters, as texted in Hinglish ("nani ka pair uth nahi raha"): the grammar
        // words, never the family words ("nani", "papa") that English messages from the same families use too.
        "hai", "hain", "ka", "ki", "ke", "ko", "mein", "aur", "bhi", "nahi", "nhi", "nahin", "gaya", "gayi", "gaye",
        "gya", "gyi", "raha", "rahi", "rahe", "rha", "rhi", "kya", "kyu", "kyun", "toh", "abhi", "kal", "aaj", "bahut",
        "bohot", "thoda", "unka", "unki", "unke", "unko", "mera", "meri", "mere", "mujhe", "kar", "karu", "karo",
        "karna", "kuch", "pata", "ek", "jab", "phir", "yaar", "matlab", "ekdum", "bilkul", "achanak", "wala", "wali",
        "wale", "pe", "tak", "jaise", "laga", "lagta", "lagti", "hua", "hui", "hue", "sakti", "sakta", "sakte", "hoon",
        "tha", "thi", "bola", "boli", "keh", "dono", "pehle", "baad", "saath", "kaise", "kitna", "koi", "kisi", "zyada",
        "jyada", "ho", "ab", "aa", "rahe", "gir", "giri", "gire", "ghante", "ghanta", "din", "subah", "shaam", "raat",
        "muh", "munh", "tedha", "zubaan", "haath", "sunn", "dard", "kamar", "sar", "peshab", "susu", "chakkar", "samajh",
        "uth", "hil", "hila", "dikh", "dikhna", "mehsoos", "ajeeb", "theek", "paa", "paayi", "pairon", "taang",
        "taange", "taango", "chehra", "aankh", "bol", "bolne", "nikal", "ulti", "kuchh", "wahan", "yahan", "kab", "kyonki",
        // Bengali written in Latin letters ("ammu kotha bolte parche na"): verb forms and grammar words again.
        "parche", "parchen", "parchi", "parchena", "parena", "korche", "korchen", "korchi", "korte", "bolte", "bolche",
        "hocche", "hochche", "hoise", "hoyeche", "hoye", "hobe", "ekhon", "amar", "amader", "tomar", "onek", "khub",
        "keno", "kemon", "nai", "nei", "kintu", "theke", "jonno", "diye", "gelo", "geche", "uthte", "hatte", "dhorte",
        "kotha", "mukh", "beka", "hath", "matha", "betha", "byatha", "ekta", "ektu", "shob", "sob",
        // Tagalog ("si papa hindi maangat yung paa niya"): grammar words, not the family words ("papa", "kuya", "lola")
        // nor the few that English shares ("may", "din", "na", "sa").
        "yung", "niya", "ng", "ang", "mga", "ni", "si", "lang", "daw", "po", "siya", "ba", "ngayon", "hindi", "sabi",
        "ako", "tapos", "wala", "walang", "naman", "parang", "rin", "nung", "kasi", "ano", "namin", "bago", "dati",
        "pwede", "kaya", "isang", "yun", "kahit", "kung", "habang", "nasa", "kay", "nila", "kanina", "kami", "biglang",
        "kahapon", "kagabi", "dapat", "talaga", "dun", "buong", "paa", "binti", "manhid", "sakit", "likod", "nang",
        "mo", "ito", "iyon", "natin", "tayo", "sila", "niyo", "ninyo", "makalakad", "maglakad", "naglalakad",
        "ngayong", "araw", "lagi", "ulit", "konti", "maayos", "isa", "yan", "iyan", "ganun", "ganito", "ganyan", "nga",
        "pala", "sana", "baka", "kanya", "kanyang", "lakad", "tuhod", "kamay", "braso", "mukha", "bibig", "salita",
        "ihi", "dumi", "ulo", "balakang", "hilo", "nahihilo", "masakit", "sumasakit", "hirap", "pagod", "tulong",
        "natumba", "natitisod", "humihina", "nanghihina", "maramdaman", "maiangat", "makatayo", "makaihi", "makapagsalita",
        "lumalabas", "nakatingin", "nanlambot", "hagdan", "papuntang", "pangatlo", "gagawin", "biglaan",
    };

    public static bool IsLikelyNotEnglish(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var latin = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c < 0x0250)
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        if (other > latin && other >= 3)
        {
            return true;
        }

        var words = TextNormalizer.Normalize(text).Words;
        if (words.Count < 3)
        {
            return false;
        }

        var english = words.Count(EnglishWords.Contains);
        var foreign = words.Count(w => OtherWords.Contains(w) && !EnglishWords.Contains(w));
        return foreign >= 2 && foreign > english * 2;
    }

    /// <summary>True for a message with no letters or digits at all (emoji, symbols), which has no words to read.</summary>
    public static bool HasNoWords(string? text)
        => !string.IsNullOrWhiteSpace(text) && !text.Any(char.IsLetterOrDigit);
}
