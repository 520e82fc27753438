using FootDrop.Content.Text;

namespace FootDrop.Content.Tests.Text;

/// <summary>Messages the bot cannot read: another language, or no words at all.</summary>
public sealed class LanguageGuessTests
{
    [Theory]
    [InlineData("mi madre no puede hablar y tiene la cara caída")]
    [InlineData("mon pied est engourdi et je ne peux pas marcher")]
    [InlineData("mein Fuß ist taub und ich kann nicht gehen")]
    [InlineData("моя нога онемела")]
    [InlineData("我的脚麻了")]
    [InlineData("قدمي مخدرة")]
    [InlineData("nani ka muh achanak tedha ho gaya pls help")]
    [InlineData("nana ki zubaan ladkhada rahi rn")]
    [InlineData("nanu kotha bolte parche na, mukh ta beka hoye geche")]
    [InlineData("si lolo hindi makapagsalita ng maayos kanina pa")]
    public void Another_language_is_recognised(string text) => Assert.True(LanguageGuess.IsLikelyNotEnglish(text));

    [Theory]
    [InlineData("my foot is numb")]
    [InlineData("mi foot nuh right, di doctor seh wait")]
    [InlineData("hola, my mum's face is drooping")]
    [InlineData("ok")]
    [InlineData("AFO")]
    [InlineData("la la la my foot is dragging")]
    [InlineData("yaar my nani ka foot is numb since kal")]
    [InlineData("my ammu cant lift her foot since yesterday, onek worried")]
    [InlineData("my lolo's foot has been dragging since monday po")]
    public void English_however_it_is_typed_is_read_as_english(string text) => Assert.False(LanguageGuess.IsLikelyNotEnglish(text));

    [Theory]
    [InlineData("😢😢", true)]
    [InlineData("??? !!!", true)]
    [InlineData("👍 ok", false)]
    [InlineData("", false)]
    public void A_message_without_letters_or_digits_has_no_words(string text, bool noWords) => Assert.Equal(noWords, LanguageGuess.HasNoWords(text));
}
