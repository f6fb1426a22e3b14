package io.spool.memes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptionRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CaptionRequest parse(String json) {
        try {
            return CaptionRequest.parse(JSON.readTree(json.replace('\'', '"')));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static void rejects(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(BadRequestException.class).hasMessageContaining(message);
    }

    @Test
    void simpleFormWithDefaults() {
        CaptionRequest r = parse("{'template':'Chelsea','top_text':'Hello','bottom_text':'World'}");
        assertThat(r.template()).isEqualTo("chelsea");
        assertThat(r.captions()).extracting(Caption::text).containsExactly("Hello", "World");
        assertThat(r.captions()).extracting(Caption::valign).containsExactly(VAlign.TOP, VAlign.BOTTOM);
        Caption top = r.captions().getFirst();
        assertThat(top.halign()).isEqualTo(HAlign.CENTER);
        assertThat(top.font()).isEqualTo("anton");
        assertThat(top.color()).isEqualTo(Rgb.WHITE);
        assertThat(top.outline()).isEqualTo(Rgb.BLACK);
        assertThat(top.size()).isEqualTo(Size.FIT);
        assertThat(r.width()).isNull();
        assertThat(r.format()).isNull();
    }

    @Test
    void simpleFormPerPlaceFieldsApplyToTheirPlaceOnly() {
        CaptionRequest r = parse("{'template':'t','top_font':'Impact','top_color':'red','top_size':'40','top_outline':'#00f',"
                + "'top_text':'t','middle_text':'m','middle_align':'left','middle_font':'dejavu','middle_color':[1,2,3],"
                + "'middle_outline':null,'middle_size':'shrink','bottom_text':'b'}");
        Caption middle = r.captions().get(1);
        assertThat(middle.valign()).isEqualTo(VAlign.MIDDLE);
        assertThat(middle.halign()).isEqualTo(HAlign.LEFT);
        assertThat(middle.font()).isEqualTo("dejavu");
        assertThat(middle.color()).isEqualTo(new Rgb(1, 2, 3));
        assertThat(middle.outline()).isNull();
        assertThat(middle.size()).isEqualTo(Size.SHRINK);
        Caption top = r.captions().get(0);
        assertThat(top.font()).isEqualTo("impact");
        assertThat(top.color()).isEqualTo(new Rgb(255, 0, 0));
        assertThat(top.outline()).isEqualTo(new Rgb(0, 0, 255));
        assertThat(r.captions().get(2).font()).isEqualTo("anton");
    }

    @Test
    void stringListsArePlacedByCount() {
        assertThat(parse("{'template':'t','captions':['a']}").captions())
                .extracting(Caption::valign).containsExactly(VAlign.BOTTOM);
        assertThat(parse("{'template':'t','captions':['a','b']}").captions())
                .extracting(Caption::valign).containsExactly(VAlign.TOP, VAlign.BOTTOM);
        assertThat(parse("{'template':'t','captions':['a','b','c']}").captions())
                .extracting(Caption::valign).containsExactly(VAlign.TOP, VAlign.MIDDLE, VAlign.BOTTOM);
        assertThat(parse("{'template':'t','captions':[]}").captions()).isEmpty();
    }

    @Test
    void objectCaptionsTakeEveryField() {
        CaptionRequest r = parse("{'template':'t','outline':'white','captions':[{'text':'x','valign':'Middle',"
                + "'halign':'right','font':'anton','color':{'r':'10','g':20,'b':30},'size':12.5},"
                + "{'text':'y','align':'left','outline':null},{'text':42}]}");
        assertThat(r.captions()).hasSize(3);
        Caption x = r.captions().get(0);
        assertThat(x).isEqualTo(new Caption("x", VAlign.MIDDLE, HAlign.RIGHT, "anton", new Rgb(10, 20, 30),
                Rgb.WHITE, Size.fixed(12.5)));
        assertThat(r.captions().get(1).halign()).isEqualTo(HAlign.LEFT);
        assertThat(r.captions().get(1).outline()).isNull();
        assertThat(r.captions().get(1).valign()).isEqualTo(VAlign.MIDDLE); // second of three
        assertThat(r.captions().get(2).text()).isEqualTo("42");
    }

    @Test
    void queryStringIndexedObjectsReadAsAList() {
        CaptionRequest r = parse("{'template':'t','captions':{'1':{'text':'second'},'0':{'text':'first'}}}");
        assertThat(r.captions()).extracting(Caption::text).containsExactly("first", "second");
    }

    @Test
    void numbersMayComeAsStrings() {
        CaptionRequest r = parse("{'template':'t','width':'300','height':200,'top_text':'a','top_size':'33'}");
        assertThat(r.width()).isEqualTo(300);
        assertThat(r.height()).isEqualTo(200);
        assertThat(r.captions().getFirst().size()).isEqualTo(Size.fixed(33));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "'red'; 255; 0; 0", "'RebeccaPurple'; 102; 51; 153", "'#abc'; 170; 187; 204", "'#0A0b0C'; 10; 11; 12",
        "[1,'2',3]; 1; 2; 3", "{'r':4,'g':5,'b':6}; 4; 5; 6"})
    void colourSpellings(String colour, int r, int g, int b) {
        assertThat(parse("{'template':'t','color':" + colour + ",'top_text':'a'}").captions().getFirst().color())
                .isEqualTo(new Rgb(r, g, b));
    }

    @Test
    void outlineNoneOrNullMeansNoOutline() {
        assertThat(parse("{'template':'t','outline':'none','top_text':'a'}").captions().getFirst().outline()).isNull();
        assertThat(parse("{'template':'t','outline':null,'top_text':'a'}").captions().getFirst().outline()).isNull();
    }

    @Test
    void formatOverride() {
        assertThat(parse("{'template':'t','format':'JPG'}").format()).isEqualTo(ImageFormat.JPEG);
        assertThat(parse("{'template':'t','format':'gif'}").format()).isEqualTo(ImageFormat.GIF);
        assertThat(parse("{'template':'t','format':'png'}").format()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void textIsNormalisedAndLimitedInCodePoints() {
        String decomposed = "e\u0301"; // NFC makes it one code point
        assertThat(parse("{'template':'t','top_text':'" + decomposed + "\\r\\nx\\ty'}").captions().getFirst().text())
                .isEqualTo("\u00e9\nx y");
        String emoji = "\uD83D\uDE00".repeat(256); // 256 code points, 512 chars: allowed
        assertThat(parse("{'template':'t','top_text':'" + emoji + "'}").captions()).hasSize(1);
        rejects("{'template':'t','top_text':'" + "a".repeat(257) + "'}", "at most 256");
    }

    @Test
    void equivalentFormsNormaliseAlike() {
        String simple = parse("{'template':'T','top_text':'a','bottom_text':'b','width':'100'}").normalized();
        String full = parse("{'template':'t','width':100,'captions':['a','b']}").normalized();
        assertThat(simple).isEqualTo(full);
        assertThat(parse("{'template':'t','captions':['a','c']}").normalized()).isNotEqualTo(full);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "{}; template is required",
        "{'template':''}; template is required",
        "{'template':['x']}; template must be a string",
        "{'template':'t','top_text':'a','captions':['b']}; not both",
        "{'template':'t','captions':'a'}; captions must be a list",
        "{'template':'t','captions':{'x':'a'}}; object keys must be indexes",
        "{'template':'t','captions':['a',{'text':'b'}]}; all be strings or all be objects",
        "{'template':'t','captions':['a','b','c','d']}; 1 to 3 captions",
        "{'template':'t','captions':[{'text':{}}]}; captions[0].text must be a string",
        "{'template':'t','captions':[{'text':'a','valign':'up'}]}; captions[0].valign must be one of top, middle, bottom",
        "{'template':'t','captions':[{'valign':'top'}]}; captions[0] needs a non-empty text",
        "{'template':'t','captions':[{'text':'','valign':'top'}]}; captions[0] needs a non-empty text",
        "{'template':'t','captions':[{'text':'a','colour':'red'}]}; unknown field `colour` in captions[0]",
        "{'template':'t','top_txt':'a'}; unknown field `top_txt` in the request",
        "{'template':'t','Template':'u'}; duplicate field `template`",
        "{'template':'t','color':'red','top_color':'blue','top_text':'a'}; duplicate field `color`",
        "{'template':'t','color':'transparent'}; transparent colours are not supported",
        "{'template':'t','color':'rgba(0,0,0,0.5)'}; transparent colours are not supported",
        "{'template':'t','color':'f0f0f0'}; unknown colour",
        "{'template':'t','color':'0xf0f'}; unknown colour",
        "{'template':'t','color':'$0x00ffff'}; unknown colour",
        "{'template':'t','top_text':'a','top_align':'centre'}; top_align must be one of left, center, right",
        "{'template':'t','color':'blurple'}; unknown colour",
        "{'template':'t','color':'#12'}; unknown colour",
        "{'template':'t','color':[1,2]}; color must be a CSS colour name",
        "{'template':'t','color':[1,2,300]}; color channel must be a whole number from 0 to 255",
        "{'template':'t','color':{'r':1,'g':2}}; color must be a CSS colour name",
        "{'template':'t','size':0}; size must be a number of pixels",
        "{'template':'t','size':'huge'}; size must be a number of pixels",
        "{'template':'t','size':9999}; size must be a number of pixels",
        "{'template':'t','width':0}; width must be a whole number from 1 to 1024",
        "{'template':'t','width':1025}; width must be a whole number from 1 to 1024",
        "{'template':'t','height':'1.5'}; height must be a whole number",
        "{'template':'t','height':'tall'}; height must be a number",
        "{'template':'t','format':'bmp'}; format must be png, jpeg, gif or webp",
        "{'template':'t','font':'../../x'}; not a font name"})
    void errorsAreBadRequestsWithClearMessages(String json, String message) {
        rejects(json, message);
    }

    @Test
    void aNameNoTemplateCanHaveIsNotFound() {
        assertThatThrownBy(() -> parse("{'template':'../etc'}")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no template");
    }

    @Test
    void rofldSpellingsOfNamesColoursAndSizes() {
        CaptionRequest r = parse("{' TEMPLATE ':'t','Captions':[{'TEXT':'a','Color':'0xffff00','SIZE':'flex'},"
                + "{'text':'b','color':'$00ffff'},{'text':'c','color':'rgb(0, 255, 255)'},"
                + "{'text':'d','color':'hsl(120, 100%, 25%)'},{'text':'e','color':{'Red':1,'green':2,'b':3}},"
                + "{'text':'f','color':'rgba(255,0,0,1)'},{'text':'g','color':'rgb(100%,0%,50%)'}]}");
        assertThat(r.captions()).extracting(Caption::color).containsExactly(new Rgb(255, 255, 0),
                new Rgb(0, 255, 255), new Rgb(0, 255, 255), new Rgb(0, 128, 0), new Rgb(1, 2, 3), new Rgb(255, 0, 0),
                new Rgb(255, 0, 128));
        assertThat(r.captions().getFirst().size()).isEqualTo(Size.FIT);
    }

    @Test
    void atMostSixteenCaptions() {
        String caption = "{'text':'x'}";
        String sixteen = String.join(",", java.util.Collections.nCopies(16, caption));
        assertThat(parse("{'template':'t','captions':[" + sixteen + "]}").captions()).hasSize(16);
        rejects("{'template':'t','captions':[" + sixteen + "," + caption + "]}", "at most 16 captions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "1", "\"t\""})
    void nonObjectsAreRejected(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        assertThatThrownBy(() -> CaptionRequest.parse(node)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> CaptionRequest.parse(null)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void canonicalJsonListsResolvedFields() {
        JsonNode json = parse("{'template':'t','top_text':'a','outline':null}").toJson();
        assertThat(json.get("captions").get(0).get("outline").isNull()).isTrue();
        assertThat(json.get("captions").get(0).get("color").asText()).isEqualTo("#ffffff");
        assertThat(List.of(json.get("captions").get(0).get("size").asText())).containsExactly("fit");
    }
}
