package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/graph"
	"github.com/kg-project/kg/internal/loader/dict"
	"github.com/kg-project/kg/internal/loader/syntax"
)

// treeEvent is an event as the structure tests compare it: actor codes,
// CAMEO code, and the flags the tree sets.
func treeEvents(e *Engine, text string, date graph.Date) []string {
	res := e.Extract(Doc{ID: "t", Text: text, Date: date, Sentences: []Sentence{{Start: 0, End: len(text), Text: text}}})
	codes := map[string]string{}
	for _, a := range res.Actors {
		codes[a.ID] = a.Code
	}
	var out []string
	for _, ev := range res.Events {
		s := fmt.Sprintf("%s %s %s", codes[ev.Source], ev.CAMEO, codes[ev.Target])
		if ev.Negated {
			s += " negated"
		}
		if ev.Modality != graph.Actual && ev.Modality != "" {
			s += " " + string(ev.Modality)
		}
		if ev.Symmetric {
			s += " symmetric"
		}
		if ev.Reporter != "" {
			s += " reported-by " + codes[ev.Reporter]
		}
		out = append(out, s)
	}
	return out
}

// TestTreeStructure holds the parse coder's general rules, one sentence
// each: every want must be among the events found, and each unwanted
// event must not be.
func TestTreeStructure(t *testing.T) {
	e := treeEngine(t)
	for _, c := range []struct {
		name, text string
		want, not  []string
	}{
		{"active", "Chile accused Peru of spying.", []string{"CHL 112 PER"}, nil},
		{"passive with agent", "Peru was accused by Chile of spying.", []string{"CHL 112 PER"}, []string{"PER 112 CHL"}},
		{"coordinated agents", "Brazil and Argentina condemned Venezuela.", []string{"BRA 111 VEN", "ARG 111 VEN"}, nil},
		{"coordinated targets", "Japan criticised China and Russia.", []string{"JPN 111 CHN", "JPN 111 RUS"}, nil},
		{"symmetric subject", "Kenya and Uganda signed a trade agreement.", []string{"KEN 057 UGA symmetric"}, nil},
		{"light verb", "Egypt held talks with Sudan on Monday.", []string{"EGY 046 SDN symmetric"}, nil},
		{"nominal with possessive", "Russia's invasion of Ukraine shocked Europe.", []string{"RUS 192 UKR"}, nil},
		{"act done in support of another", "Cuba sent troops to Angola in support of the Angolan government.", []string{"CUB 050 AGOGOV"}, nil},
		{"subordinate clause read as root", "During the upcoming planned President Putin's visit, apart from holding bilateral talks with the Afghan leadership, the Russian leader will also attend a quadrilateral summit.", []string{"RUSGOV 046 AFGGOV"}, nil},
		{"a list item's owner does not act for the list", "Some of the actions include: two double vetoes on UNSC resolutions pertaining to Syria, shielding Iran against the steamrolling American sanctions, its gas giant Gazprom's unwavering support for IP pipeline and test firing of a new category of Intercontinental Ballistic Missile (ICBM) to counter the American plans of placing missile interceptors in Europe in the garb of false flag threat from Iran etc.", nil, []string{"USA 052 IRN", "RUSBUS 052 IRN"}},
		{"force done to a proposal rejects it", "China bulldozed India's security concern.", []string{"CHN 120 IND"}, []string{"CHN 1712 IND"}},
		{"force done to a proposal, phrasal verb", "India shot down Pakistan's proposal for talks.", []string{"IND 120 PAK"}, nil},
		{"alleged act done in support of another", "Congo's government accused Rwanda on Sunday of deploying thousands of troops in support of M23 rebels in North Kivu province.", nil, []string{"RWA 070 CODREB"}},
		{"event noun framing a verb's act", "Armenia and Azerbaijan met in Abu Dhabi under Emirati mediation.", []string{"ARE 045 ARM", "ARE 045 AZE"}, nil},
		{"nominal complement read as object", "A plane took off from a Pakistani airbase on May 01, 1960, Moscow's backing of 1971 Indian Army's invasion of East Pakistan followed.", []string{"RUS 050 INDMIL"}, nil},
		{"nominal between", "Talks between Armenia and Azerbaijan resumed.", []string{"ARM 046 AZE symmetric"}, nil},
		{"intent", "Iran agreed to hold talks with Oman.", []string{"IRN 036 OMN"}, []string{"IRN 046 OMN"}},
		{"threat", "Israel threatened to attack Lebanon.", []string{"ISR 138 LBN"}, []string{"ISR 190 LBN"}},
		{"appeal with object control", "The United Nations urged Sudan to release the prisoners.", []string{"IGOUNO 0253 SDN"}, nil},
		{"demand clause", "Ukraine demanded that Russia withdraw its troops.", []string{"UKR 1056 RUS"}, nil},
		{"refusal", "India refused to join the alliance.", nil, []string{"IND 050"}},
		{"negation", "Canada did not criticise Mexico.", []string{"CAN 111 MEX negated"}, nil},
		{"plan", "Prime Minister Imran Khan plans to travel to Beijing.", []string{"PAKGOV 042 CHN planned"}, nil},
		{"hypothetical", "If Chile attacked Peru, the region would suffer.", []string{"CHL 190 PER hypothetical"}, nil},
		{"reported speech", "Ukrainian officials said Russian forces shelled Kharkiv.", []string{"RUSMIL 194"}, nil},
		{"according to", "According to Lavrov, Moscow will host talks with Islamabad.", nil, nil},
		{"relative clause", "Sudan, which expelled Kenyan diplomats, protested to Nairobi.", []string{"SDN 161 KEN"}, nil},
		{"role in country", "Lawmakers in Peru criticised Chile.", []string{"PERLEG 111 CHL"}, nil},
		{"force at a place", "Israeli jets struck targets in Syria.", []string{"ISRMIL 195 SYR"}, nil},
		{"cancelled visit is negated", "Putin cancelled his visit to Islamabad.", []string{"RUSGOV 161 PAK", "RUSGOV 042 PAK negated"}, nil},
		{"word sense: cardiac arrest", "The Spanish cyclist suffered a cardiac arrest in France.", nil, []string{"173"}},
		{"word sense: shooting a film", "A Chilean director shot a film about Peru's president in Lima.", nil, []string{"190", "193"}},
		{"word sense: firing at someone", "Israeli troops fired rockets at Gaza.", []string{"ISRMIL 194"}, nil},
		{"passive read as an adjective", "The Swedish embassy in Baghdad was set on fire by Iraqi protesters.", []string{"IRQOPP 145 SWEGOV"}, []string{"SWEGOV 145 IRQ"}},
		{"irregular past in a verbless reading", "Iraqi protesters set fire to the Swedish embassy in Baghdad.", []string{"IRQOPP 145 SWEGOV"}, nil},
		{"the city of an object is no target", "Iraqi protesters stormed the Swedish embassy in Baghdad.", []string{"IRQOPP 145 SWEGOV"}, []string{"145 IRQ"}},
		{"word sense: engaged in a battle", "Pakistani troops engaged in a gun battle with Taliban fighters.", []string{"PAKMIL 190"}, []string{"040"}},
		{"word sense: welcoming an offer", "Pakistan welcomed Russia's offer of talks.", []string{"PAK 051 RUS"}, []string{"043"}},
		{"word sense: welcoming a visitor", "Egypt welcomed the Sudanese president in Cairo.", []string{"EGY 043 SDNGOV"}, nil},
		{"conjoined role nouns", "Danish media and government criticised Russia.", []string{"DNKMED 111 RUS", "DNKGOV 111 RUS"}, nil},
		{"agreeing that something is so is accord", "Peru and Chile agree that the old border is fair.", []string{"PER 019 CHL", "CHL 019 PER"}, []string{"030"}},
		{"agreeing to act is intent", "Peru and Chile agreed to hold talks on the border.", []string{"PER 036 CHL"}, []string{"019"}},
		{"unknown name opening the sentence", "Kabbashi criticised Egypt on Monday.", []string{"--- 111 EGY"}, nil},
		{"noun of intent with a clause", "Pakistan has shown interest in buying Russian military hardware.", []string{"PAK 031"}, []string{"PAK 061 RUS"}},
		{"noun of intent read as the verb's clause", "Egypt expressed its willingness to mediate between Israel and Hamas.", []string{"EGY 039 ISR"}, []string{"EGY 045 ISR"}},
		{"owned noun of intent", "Turkey's offer to mediate between Russia and Ukraine was welcomed.", []string{"TUR 039 RUS"}, nil},
		{"refusing an owned offer", "India rejected Pakistan's offer to hold talks.", []string{"IND 125 PAK"}, nil},
		{"a group and a place newer than Phoenix", "The Rapid Support Forces besieged El Fasher.", []string{"SDNREB 191 SDN"}, nil},
		{"people whose place the parser hung on the verb", "Egypt urged the warring parties in Sudan to agree to a humanitarian ceasefire.", []string{"EGY 0256 SDN"}, nil},
		{"a thing's place is no target", "Norwegian scientists investigated the retreat of glaciers in Greenland.", nil, []string{"GRL"}},
		{"conjoined role nouns over two countries", "Lawmakers and officials in Chile and Peru criticised Bolivia.", []string{"CHLLEG 111 BOL", "PERLEG 111 BOL", "CHLGOV 111 BOL", "PERGOV 111 BOL"}, nil},
		{"a conjoined name read as a compound", "Chile and the evil awful Peru criticised Bolivia after a 12-year rift.", []string{"CHL 111 BOL", "PER 111 BOL"}, nil},
		{"a name in a compound's compound", "Russia denounced last year's NATO cross border raid on Pakistan's Salalah check posts.", []string{"RUS 111 IGOWSTNAT", "IGOWSTNAT 190 PAK"}, nil},
		{"an owned act with its clause", "Russia backed Islamabad's move to sever the supplies for NATO forces.", []string{"PAK 16"}, []string{"RUS 16"}},
		{"passive appeal", "Pakistan was urged by China to release the prisoners.", []string{"CHN 0253 PAK"}, nil},
		{"passive appeal with nobody asking", "India was asked to hold talks with Pakistan.", nil, []string{"IND"}},
		{"an active clause the parser read as passive", "From 1950 onwards Russia treated India as an ally while Pakistan joined the US camp.", []string{"RUS 050 IND"}, []string{"IND 050 RUS"}},
		{"the recipient before the thing given", "In 2016, Russia supplied MI-35 assault helicopters worth $153 million to Pakistan.", []string{"RUS 072 PAK"}, []string{"RUS 072 OBJ"}},
		{"a pair named right after its noun", "Relations between long-term allies Pakistan and the United States have hit an all time low.", []string{"PAK 050 USA symmetric"}, nil},
		{"between X and Y with Y read as a subject", "Military-to-military cooperation between Russian and Pakistan is increasing.", []string{"RUS 062 PAK symmetric"}, nil},
		{"a recipient the parse hung on the thing given", "Turkey airlifted tents, blankets and medical supplies to Morocco on Sunday after a powerful earthquake flattened villages in the High Atlas mountains.", []string{"TUR 073 MAR"}, nil},
		{"the thing given in a phrase of its own", "Japan disbursed $150 million in grants to Kenya.", []string{"JPN 07"}, nil},
		{"a plan called off is no event", "A planned visit to Tunisia by Italian Prime Minister Giorgia Meloni was called off.", []string{"ITAGOV 042 TUN negated"}, nil},
		{"crowds protest by rallying", "Greek demonstrators protested against Turkey.", []string{"GRCOPP 141 TUR"}, []string{"114"}},
		{"states protest by complaining", "Vietnam protested to China over the incident.", []string{"VNM 114 CHN"}, []string{"141"}},
		{"nationalities share the role noun", "Thai and Cambodian troops exchanged fire along the border.", []string{"KHMMIL 190 THAMIL"}, []string{" THA "}},
		{"a weapon named whole", "Iraq used chemical weapons against Iran.", []string{"IRQ 2041 IRN"}, []string{"175"}},
		{"an aid agency expelled is withdrawn", "Niger's military government expelled the International Committee of the Red Cross.", []string{"1663 NGO"}, []string{"174"}},
		{"journalists expelled are deported", "Burkina Faso expelled two French journalists.", []string{"BFA 174 FRAMED"}, []string{"166"}},
		{"a number opening the sentence is no name", "Hundreds of Filipino fishermen protested against China.", []string{"PHLAGR 141 CHN"}, nil},
		{"a bare role takes the country the clause happens in", "Bandits kidnapped two Turkish engineers in Nigeria's Zamfara state.", []string{"NGACRM 181 TUR"}, nil},
		{"a bare role takes the country of the organ it fights", "Insurgents ambushed a Mozambican army convoy near Mueda.", []string{"MOZREB 190 MOZMIL"}, nil},
		{"a bare role with no country in its clause is no actor", "Insurgents ambushed a convoy.", nil, []string{"190"}},
		{"a gerund's sides named by between", "Fighting between Sudan and Chad continued.", []string{"SDN 190 TCD"}, nil},
		{"an event noun's sides hung on its verb", "Fierce fighting broke out between M23 rebels and the Congolese army.", []string{"CODREB 190 CODMIL"}, nil},
		{"a participle describing a noun is no act", "The UN Security Council voted on Thursday to extend an arms embargo and targeted sanctions on South Sudan for another year.", nil, []string{"190"}},
		{"a required phrase of several words", "Venezuela withdrew its diplomatic staff from Argentina.", []string{"VEN 161 ARG"}, []string{"0874"}},
		{"a passive sanction", "Nicaraguan officials were sanctioned by Canada on Monday.", []string{"CAN 163 NICGOV"}, nil},
		{"joint signers are each other's parties", "The Congolese government and the M23 signed a declaration of principles in Doha after months of talks mediated by Qatar.", []string{"CODGOV 057 CODREB"}, []string{"QAT"}},
		{"a third party to a joint act in the object's phrase", "Kenya and Uganda signed a trade agreement with Tanzania.", []string{"KEN 057 TZA", "UGA 057 TZA"}, nil},
		{"a name after the last of a list is an apposition", "Australian Prime Minister Anthony Albanese and his Papua New Guinea counterpart, James Marape, signed a security treaty.", []string{"AUSGOV 057 PNGGOV"}, []string{"---"}},
		{"the round that counts an event noun stands for it", "A planned round of talks between Iran and Oman was called off.", []string{"IRN 046 OMN negated planned"}, nil},
		{"armed forces that block restrict movement", "RSF fighters blocked a United Nations convoy carrying food.", []string{"SDNREB 191 IGOUNO"}, []string{"144"}},
		{"crowds that block protest", "Kenyan protesters blocked the main road to the US embassy.", []string{"KENOPP 144"}, []string{"191"}},
		{"aid workers withdrawn", "Germany said it was pulling its development aid staff out of Niger.", []string{"DEU 1663 NER"}, []string{"0874"}},
		{"aid let in", "Houthi authorities allowed United Nations aid flights to resume landing at Sanaa airport.", []string{"YEMREB 0863 IGOUNO"}, nil},
		{"the verb that makes an appeal gives nothing", "Lebanon issued an appeal to the United Nations for humanitarian aid.", []string{"LBN 02"}, []string{"073"}},
		{"a demand rejected", "Venezuela rejected Guyana's demand that it withdraw its troops from the border.", []string{"VEN 12"}, nil},
		{"any act that would be is supposed", "Any attack on Taiwan by China would be met with force.", []string{"CHN 190 TWN hypothetical"}, nil},
		{"diplomats expelled, by the noun", "India's expulsion of two Canadian diplomats angered Ottawa.", []string{"IND 161 CANGOV"}, []string{"174"}},
		{"a place retaken from someone", "The Somali army recaptured the town of Harardhere from al-Shabaab militants.", []string{"SOMMIL 192 SOMREB"}, nil},
		{"a gift by its noun", "Japan's donation of rice to the Philippines arrived in Manila on Monday.", []string{"JPN 073 PHL"}, nil},
		{"an urged act implies nothing back", "Germany urged Serbia to resume talks with Croatia.", []string{"DEU 02"}, []string{"SRB 046", "HRV 046"}},
		{"a title word inside a name", "Egypt hosted Somali President Hassan Sheikh Mohamud in Cairo.", []string{"EGY 043 SOMGOV"}, nil},
		{"the noun a relative clause lacks as object", "The sanctions that the EU imposed on Russia hurt its economy.", []string{"IGOEUREEC 163 RUS"}, nil},
		{"the thing given, by a relative clause", "The aid that Japan sent to Kenya arrived.", []string{"JPN 070 KEN"}, nil},
		{"persona non grata", "Russia declared two Estonian diplomats persona non grata.", []string{"RUS 161 ESTGOV"}, nil},
		{"coordinated nationalities read as a compound share the role", "Kyrgyz and Tajik border guards exchanged fire near the disputed Vorukh enclave.", []string{"TJKMIL 190 KGZMIL"}, []string{" KGZ "}},
		{"a sultan governs", "Omani Sultan Haitham bin Tarik received Iranian President Masoud Pezeshkian in Muscat.", []string{"OMNGOV 043 IRNGOV"}, nil},
		{"bombs supplied are arms", "The United States delivered a shipment of 1,800 heavy bombs to Israel on Saturday.", []string{"USA 072 ISR"}, nil},
		{"a wave of strikes carried out", "Israeli warplanes carried out a wave of strikes on Hezbollah positions in southern Lebanon overnight.", []string{"ISRMIL 190 LBNREB"}, nil},
		{"the town of a name is a place", "Israeli and Lebanese officials held a fresh round of indirect ceasefire negotiations in the border town of Naqoura.", []string{"LBNGOV 046 ISRGOV"}, []string{"---"}},
		{"a compound adjective is no act", "China sent tents, blankets and medical supplies to earthquake-hit Afghanistan.", nil, []string{"190"}},
		{"an act a clause supposes", "A Chinese naval blockade of Taiwan would cripple global semiconductor supplies, a think tank said.", []string{"CHNMIL 191 TWN hypothetical"}, nil},
		{"no cooperation with one's own country", "Putin's vision to restore Russia to great power status offers opportunities for Pakistan to realign its relations with Russia.", nil, []string{"RUSGOV 05"}},
		{"a gathering's venue is nobody", "After the 1965 war, the Soviet Union hosted a peace conference in Tashkent in 1966.", nil, []string{"UZB"}},
		{"a document named for a capital", "Ukraine criticised the Minsk Agreements.", nil, []string{"BLR"}},
		{"mediating is one side's act", "Ukraine rejected Hungary's offer to mediate with Russia.", []string{"UKR 12"}, []string{"RUS 050 HUN"}},
		{"considering an act", "Greece is considering expelling the Libyan ambassador over the maritime dispute.", []string{"GRC 014 LBY"}, []string{"GRC 16"}},
		{"considering a measure", "Canada is considering new tariffs on Chinese steel.", []string{"CAN 014 CHN"}, nil},
		{"an act named in a light noun's of-phrase", "Thailand's declaration of a ceasefire with Cambodia took effect at midnight on Monday.", []string{"THA 0871 KHM"}, nil},
		{"drills around a country", "China's large-scale military drills around Taiwan began at dawn on Monday.", []string{"CHN 150 TWN"}, nil},
		{"an agent of several words", "Human rights activists in Chile criticised Peru.", []string{"CHLOPP 111 PER"}, nil},
		{"a role with a name in its phrase and a place", "Houthi rebels abducted at least a dozen UN staff members in Sanaa in June.", []string{"YEMREB 181 IGOUNO"}, []string{"YEMLAB"}},
		{"force on the agent's own border with a neighbour", "Russia mobilised troops on its border with Ukraine.", []string{"RUS 154 UKR"}, nil},
		{"an object read as a predicate", "The Soviet Union hosted Indian and Pakistani leaders in Tashkent in January 1966.", []string{"RUS 043 IND"}, []string{"UZB"}},
		{"what one is accused of is alleged", "The Soviet Union accused Pakistan of arming Afghan rebels.", []string{"RUS 112 PAK"}, []string{"PAK 07"}},
		{"an unknown place of fighting is no target", "Pakistani and Afghan troops exchanged fire at the Torkham crossing.", []string{"190 PAK"}, []string{"---"}},
		{"an owned decision is an act, not a plan", "Moscow backed Islamabad's decision to close NATO supply routes.", []string{"PAK 160 IGOWSTNAT"}, []string{"planned"}},
		{"a to-phrase hung on the of-phrase", "The visit of Chinese Foreign Minister Wang Yi to Kabul in December eased tensions.", []string{"CHNGOV 042 AFG"}, nil},
		{"an owner's from-phrase hung on the verb", "Russia turned down a request from India to call off the exercise.", []string{"RUS 125 IND"}, nil},
		{"a ceasefire's venue", "The army and the RSF signed a short-term ceasefire in Jeddah on May 20, 2023.", nil, []string{"SAU"}},
		{"an arrival's city is its destination", "Chinese Foreign Minister Wang Yi arrived in Islamabad on Thursday.", []string{"CHNGOV 042 PAK"}, nil},
		{"a target hung on another phrase of the verb", "Jordan shared intelligence on the plot with the United States.", []string{"JOR 064 USA"}, []string{"symmetric"}},
		{"a particle inside a person's name", "Brazilian President Luiz Inácio Lula da Silva visited Angola on Friday, the first stop of an African tour.", []string{" 042 AGO"}, nil},
		{"the breakdown of talks halts them", "The breakdown of Ethiopia's talks with Egypt over the Nile dam in December left the dispute unresolved.", []string{"ETH 164 EGY"}, []string{"046"}},
		{"a date between subject and verb", "Kenya on Monday denied accusations by Uganda that it had armed rebels along their shared border.", []string{"KEN 016 UGA"}, nil},
		{"people with no country at the hands of an organ", "Eritrean security forces tortured detained journalists.", []string{"182 ERIMED"}, nil},
		{"force at home", "Kenyan police arrested dozens of protesters in Nairobi.", []string{"KENCOP 173 KEN"}, nil},
		{"an accusation read as the object's clause", "The Sudanese army accused the United Arab Emirates of arming the RSF, a charge Abu Dhabi rejected.", []string{"SDNMIL 112 ARE"}, []string{"ARE 07"}},
		{"word sense: flying a thing is no visit", "A UN panel of experts reported that the United Arab Emirates had flown weapons to the RSF.", nil, []string{"ARE 042"}},
		{"word sense: flying somewhere is a visit", "Erdogan flew to Baku on Monday.", []string{" 042 AZE"}, nil},
		{"word sense: seizing a town is occupying it", "Russian forces captured the town of Avdiivka.", []string{"RUSMIL 192 UKR"}, nil},
		{"word sense: seizing a ship is confiscating it", "Iran seized a Greek tanker in the Gulf.", []string{"IRN 1711"}, []string{"192"}},
		{"a civil title modifies the agent noun after it", "Kenya's deputy president met Ethiopia's deputy interior minister.", []string{"KENGOV 040 ETHGOV"}, []string{"COP"}},
		{"a required word in the singular", "Germany delivered an air defence system to Ukraine.", []string{"DEU 072 UKR"}, nil},
		{"a participle's agent owns the thing", "Sudan rejected a ceasefire proposal put forward by the United States.", []string{"SDN 12"}, nil},
		{"people where the agent was sent", "The Kenyan government deployed police officers to Haiti to help fight gangs.", []string{"KENGOV 190 HTICRM"}, []string{"KENCRM"}},
		{"a place's own name is no actor", "Kosovo police were attacked by armed Serbs in the village of Banjska.", []string{"SRB 190 KSVCOP"}, []string{"---"}},
		{"ordering someone out expels them", "Niger's junta ordered the French ambassador to leave the country.", []string{"NERGOV 161 FRAGOV"}, []string{"100"}},
		{"ending a pact with someone", "Mali ended a defence agreement with France.", []string{"MLI 160 FRA"}, nil},
		{"a list's head read as someone addressed", "Pakistan, the United States and Saudi Arabia armed the Afghan mujahideen.", []string{"PAK 072 AFG", "USA 072 AFG", "SAU 072 AFG"}, nil},
		{"a recipient read into the thing given", "The World Bank lent Pakistan one billion dollars for energy projects.", []string{"071 PAK"}, nil},
		{"'are to' with the copula is planned", "India and Pakistan are to become full members of the Shanghai Cooperation Organisation in June.", []string{"IND 050 IGOCAS planned", "PAK 050 IGOCAS planned"}, nil},
		{"what one is invited to do is not done", "Pakistan's foreign minister invited Sergey Lavrov to visit Islamabad.", []string{"PAKGOV 036"}, []string{"042"}},
		{"a judgement said of someone's act", "The Indian ambassador said the Russian approach was wrong.", []string{"INDGOV 111 RUS"}, []string{"010"}},
		{"a judgement in a conjoined clause", "The Indian ambassador said these could create problems and that the Russian approach was wrong.", []string{"INDGOV 111 RUS"}, nil},
		{"a judgement of nobody's act codes nothing", "China said the move was provocative.", nil, []string{"111"}},
		{"Congo alone is the Democratic Republic", "Congo and Rwanda signed a peace agreement in Washington in June.", []string{"COD 057 RWA"}, []string{"---"}},
		{"a title that is part of a dictionary name", "Jordan's King Abdullah met Egyptian President Abdel Fattah al-Sisi in Cairo.", []string{"JOR", "040 EGYGOV"}, []string{"SAU"}},
		{"the sentence's country outranks a namesake's", "Saudi King Abdullah visited Egypt.", []string{"SAU", "042 EGY"}, []string{"JOR"}},
		{"urging someone to stop is an appeal, not a negated act", "China's foreign ministry urged Washington to stop arming Taiwan.", []string{"CHNGOV 020 USA"}, []string{"negated"}},
		{"not urging keeps its negation", "Egypt did not urge Sudan to release the prisoners.", []string{"EGY 0253 SDN negated"}, nil},
		{"a tie restored between coordinated agents", "Saudi Arabia and Iran restored diplomatic relations in a deal brokered by China.", []string{"SAU 050 IRN symmetric"}, []string{"CHN"}},
		{"a member suspended outright", "The African Union suspended Gabon after the military seized power.", []string{"IGOAFRAFU 160 GAB"}, nil},
		{"a multi-word verb around its object", "Gabonese soldiers placed President Ali Bongo under house arrest.", []string{"GABMIL 173"}, nil},
		{"thanking praises", "Zelenskiy thanked Turkey for its support.", []string{"UKRGOV 051 TUR"}, nil},
		{"retaliation in trade is no force", "Canada retaliated against U.S. tariffs by imposing levies on American goods.", []string{"CAN 163 USA"}, []string{"190"}},
		{"retaliation in war is force", "Iran retaliated against Israel with missile strikes.", []string{"IRN 19"}, nil},
		{"a span of time holds no target", "Houthi militants have attacked commercial ships in the Red Sea for months in solidarity with Palestinians.", nil, []string{"PSE"}},
		{"one's own forces sent are no target", "Mexico's president rejected Donald Trump's threat to send U.S. troops against drug cartels.", []string{"MEXGOV 12"}, []string{"USAMIL"}},
		{"agreeing on a concession makes it", "Israel and Lebanon agreed on a ceasefire that took effect on Wednesday.", []string{"ISR 0871 LBN"}, nil},
		{"who is sent to act acts for the sender", "China sent a special envoy to mediate between Russia and Ukraine.", []string{"CHN 045 RUS", "CHN 045 UKR"}, nil},
		{"a charge rejected is the accuser's", "Pakistan blamed India for a bomb attack in Balochistan, a charge New Delhi rejected.", []string{"PAK 112 IND", "IND 12"}, []string{"IND 12 IND"}},
		{"leaving a bloc breaks with it", "Burkina Faso, Mali and Niger announced their withdrawal from ECOWAS.", []string{"BFA 161 IGOWAF", "NER 161 IGOWAF"}, []string{"0874", "BFA 161 MLI"}},
		{"a rule for blocs leaves countries alone", "Russia withdrew its troops from Syria.", []string{"RUS 0874 SYR"}, []string{"161"}},
		{"protesting what another did", "Vietnam protested China's construction on disputed islands in the South China Sea.", []string{"VNM 114 CHN"}, nil},
		{"a person wanted by a state is not its own", "Colombian police arrested a suspected drug trafficker wanted by the United States.", []string{"COLCOP 173"}, []string{"USA"}},
		{"a place's participle hung on the verb", "Iraqi militias fired rockets at a base hosting U.S. troops in western Iraq.", []string{"194 USAMIL"}, []string{"043"}},
		{"a partner fights beside the agent", "Russian mercenaries fought alongside Malian troops against Tuareg rebels near Tinzaouaten.", []string{"MLIMIL 190"}, []string{"190 MLIMIL"}},
		{"an act done in another's name inside an act's phrase", "The Soviet invasion of Afghanistan in December 1979 in support of Noor Muhammad Taraki changed the region.", []string{"RUS 192 AFG", "RUS 05"}, nil},
		{"unmoved by what another offers", "Russian officials say they remain unconvinced by the American assurances.", []string{"RUSGOV 120 USA"}, nil},
		{"a lexicon noun of two words the tagger split", "Senegalese police fired tear gas at protesters in Dakar.", []string{"SENCOP 175"}, []string{"190"}},
		{"a rule's word of two words", "Israel carried out an air strike on Gaza.", []string{"ISR 195"}, nil},
		{"what is denied by a gerund is not done", "Pyongyang denied sending troops to fight for Russia.", nil, []string{"PRK 19"}},
		{"whom one fights for is no target", "North Korea sent troops to fight for Russia.", nil, []string{"190 RUS"}},
		{"blocking another's bid rejects it", "Turkey blocked Sweden's bid to join NATO for more than a year.", []string{"TUR 120 SWE"}, []string{"144"}},
		{"blocking a statement vetoes it", "Hungary blocked a European Union statement criticising China over Hong Kong.", []string{"HUN 129 IGOEUR"}, nil},
		{"ratifying another's accession", "Hungary's parliament finally ratified Sweden's accession to the alliance.", []string{"HUNLEG 057 SWE"}, nil},
		{"applying to join appeals to the bloc", "Sweden and Finland formally applied to join NATO in May 2022.", []string{"SWE 022 IGOWSTNAT", "FIN 022 IGOWSTNAT"}, []string{"050"}},
		{"an office named by title and country", "The President of France visited Egypt.", []string{"FRAGOV 042 EGY"}, []string{"---"}},
		{"a military office named by title and country", "The Chief of Army Staff of Pakistan visited Moscow.", []string{"PAKMIL 042 RUS"}, nil},
		{"a topic's parties are another act's", "Egypt's president received a phone call from the Emir of Qatar on the Gaza negotiations.", []string{"QATGOV 041 EGYGOV"}, []string{"PSE"}},
		{"a judged act is its doer's", "Beijing firmly opposed the sale of U.S. weapons to Taiwan.", []string{"CHN 120 USA"}, nil},
		{"a judged act's victims are not its doers", "Kenya condemned the killing of Kenyan protesters.", nil, []string{"111 KEN"}},
		{"a noun split at a hyphen", "The German president's wreath-laying at a Warsaw memorial on Monday marked the anniversary of the 1944 uprising.", []string{"DEUGOV 017 POL"}, nil},
		{"whoever a charge's clause accuses", "The UN investigated claims that Russian forces executed prisoners.", []string{"IGOUNO 09", "RUSMIL"}, nil},
		{"what denied reports tell is not done", "Kenya denied reports that its police had killed protesters.", []string{"KENCOP 175 KENOPP negated"}, nil},
		{"halting trade embargoes", "Turkey suspended all trade with Israel over the war in Gaza.", []string{"TUR 163 ISR"}, []string{"0871"}},
		{"a name split into a compound and its flat part", "Al Shabaab fighters attacked an African Union base in southern Somalia.", []string{"SOMREB 190 IGOAFRAFU"}, nil},
		{"the office before a name gives its country", "Libya's eastern commander Khalifa Haftar met Russian Deputy Defence Minister Yunus-Bek Yevkurov in Benghazi.", []string{"LBY", "040 RUSGOV"}, []string{"--- 040"}},
		{"a proposed act is not done", "France and the United States proposed a 21-day ceasefire between Israel and Hezbollah.", []string{"FRA 0256 ISR", "ISR 0871 LBNREB planned"}, nil},
		{"an agreed concession is made", "Israel and Hamas agreed a ceasefire.", []string{"ISR 0871 PSEREB"}, []string{"planned"}},
		{"a lexicon noun the tagger read as a verb after an article", "The ICC issued a warrant for Putin.", []string{"IGOJUDICC 173 RUSGOV"}, nil},
		{"a name that reads as a relative pronoun", "The WHO criticised Israel.", []string{"IGOUNOHLHWHO 111 ISR"}, nil},
		{"word sense: executing a strategy kills nobody", "Russia advanced its relations with Pakistan to execute its strategy in Afghanistan.", nil, []string{"190"}},
		{"word sense: killing people", "Israeli forces killed 20 Palestinians in Gaza.", []string{"ISRMIL 190 PSE"}, nil},
		{"an unknown name before an act of force is its place", "The Uri attack in Indian Held Kashmir killed 19 soldiers.", nil, []string{"--- 19", "--- 18"}},
		{"an act noun's compound owner does what it governs", "Cuba condemned the U.S. decision to return it to a list of state sponsors of terrorism.", []string{"CUB 111 USA"}, []string{"CUB 084"}},
		{"suspending a treaty with someone", "India suspended the Indus Waters Treaty with Pakistan.", []string{"IND 160 PAK"}, nil},
		{"a name longer than a dictionary person's is someone else", "Air Commodore Khalid Iqbal criticised America.", []string{"111 USA"}, []string{"SAU"}},
		{"an office with no name is no actor", "Khalid Iqbal, retired Air Commodore and former assistant chief of air staff, criticised America.", []string{"111 USA"}, []string{"SAU"}},
		{"force vowed is a threat", "Moscow vowed to retaliate against Kyiv for the attack.", []string{"RUS 138 UKR"}, []string{"190"}},
		{"agreeing to withdraw is an intent to de-escalate", "Thailand and Cambodia agreed to withdraw troops from the disputed border area.", []string{"THA 0356 KHM"}, nil},
		{"reopening embassies restores relations between the two", "Iran and Saudi Arabia reopened their embassies seven years after cutting ties.", []string{"IRN 050 SAU symmetric"}, nil},
		{"a verb that intensifies an act does it", "China and Pakistan expanded trade along the economic corridor last year.", []string{"CHN 061 PAK symmetric"}, nil},
		{"a person in the apposition is whose office it is", "Zamir Kabulov, the Russian president's special envoy for Afghanistan, criticised Pakistan.", []string{"RUS", "111 PAK"}, []string{"--- 111"}},
		{"their: the conjuncts of the clause's subject", "Russia and China expanded their military cooperation.", []string{"RUS 062 CHN symmetric"}, nil},
		{"what is judged happened in the target", "Pakistan criticised the recent closure of guest houses in Afghanistan.", []string{"PAK 111 AFG"}, nil},
		{"what is judged, its place hung on the verb", "India criticised the treatment of minorities in Bangladesh.", []string{"IND 111 BGD"}, nil},
		{"a city where the judgement was said is no target", "Russia criticised the decision in Geneva.", nil, []string{"111"}},
		{"a show of force at home", "The Pakistani government deployed riot police in Islamabad.", []string{"PAKGOV 153 PAK"}, nil},
		{"telling someone to act is a demand", "Lithuania told Belarus to free the detained journalists.", []string{"LTU 1053 BLR"}, nil},
		{"so is telling them they must", "Lithuania told Belarus that it must free the detained journalists.", []string{"LTU 1053 BLR"}, nil},
		{"telling without a directive is speech", "Putin told Erdogan that Russia was ready to help.", nil, []string{"RUSGOV 10"}},
		{"a light noun of granting", "Brazil's grant of asylum to a Venezuelan opposition leader angered Caracas.", []string{"BRA 075 VENOPP"}, nil},
		{"weapons used against the country's own people", "Syrian forces used sarin against civilians near Damascus.", []string{"SYRMIL 2041 SYRCVL"}, nil},
		{"a fronted phrase that threw the parser", "Soon after independence in 1947, government leaders in the United States and the former Soviet Union invited the Pakistani leadership to visit these countries.", []string{"USAGOV 036 PAKGOV", "RUS 036 PAKGOV"}, nil},
		{"what is done without V-ing was not done", "Russia annexed Crimea without consulting with Ukraine.", []string{"RUS 040 UKR negated"}, nil},
		{"a name after a sentence-initial The", "The US lifted sanctions on Syria.", []string{"USA 081 SYR"}, nil},
		{"an organ of government after a country", "The US Treasury on Tuesday lifted sanctions on Syria's central bank.", []string{"USAGOV 081 SYR"}, nil},
		{"relations upgraded between the conjuncts", "Vietnam and the United States upgraded their relations to a strategic partnership.", []string{"VNM 050 USA symmetric"}, nil},
		{"an event noun whose phrase is the copula's predicate", "Putin is starting his new term and his first foreign visit will be to Pakistan.", []string{"RUSGOV 042 PAK planned"}, nil},
		{"a pattern's word inside a relative clause", "The Moscow journey takes place in the backdrop of intense US pressure to launch an offensive and incessant US drone attacks that continue to fuel terrorist backlash in major Pakistani cities.", nil, []string{"192"}},
		{"a thing owned by a country's people", "Iran released a Greek-owned tanker on Saturday.", []string{"IRN 084 GRC"}, nil},
		{"calling off a strike eases dissent", "Opposition parties in Bangladesh called off their general strike.", []string{"BGDOPP 082 BGD"}, []string{"143"}},
		{"halting attacks de-escalates", "Russia halted its attacks on Ukraine.", []string{"RUS 087"}, []string{"negated"}},
		{"a strike at home is against the government", "Kenyan teachers went on strike on Monday.", []string{"KENEDU 143 KEN"}, nil},
		{"an event noun as a copula's predicate", "Nigerian doctors have been on strike since March.", []string{"NGAHLH 143 NGA"}, nil},
		{"a state's protest is no protest at home", "Algeria lodged a formal protest with France over the minister's remarks.", nil, []string{"141 DZA"}},
		{"urging a third party to back someone rallies support", "France urged its European partners to back Moldova's bid for membership.", []string{"FRA 053 MDA"}, nil},
		{"urging a third party to sanction someone rallies opposition", "Ukraine urged Germany to impose sanctions on Russia.", []string{"UKR 113 RUS"}, []string{"DEU"}},
		{"urging the target itself stays an appeal", "The UN urged Sudan to release the prisoners.", []string{"IGOUNO 0253 SDN"}, []string{"053", "113"}},
		{"the other side one phrase further in", "Denmark admitted responsibility for the collision with a Swedish trawler.", []string{"DNK 015 SWE"}, nil},
		{"what one is pessimistic about is no act", "Egypt voiced pessimism about reaching a deal with Ethiopia over the Nile dam.", []string{"EGY 012 ETH"}, []string{"030"}},
		{"the speaker's own pronoun in what it said", "Armenia said it was ready to sign a peace treaty with Azerbaijan.", []string{"ARM 03"}, nil},
		{"a threat is made whatever the mood of what it threatens", "Iran threatened that it would close the Strait of Hormuz to US ships.", []string{"IRN 13"}, []string{"hypothetical"}},
		{"what one is warned against is no act", "Russia warned Finland against joining NATO.", nil, []string{"IGOWSTNAT"}},
		{"a complementizer read as the object", "The foreign minister said on Friday that Accra had asked Nigeria to extradite the official.", []string{"GHA 021 NGA"}, nil},
		{"a causative verb passes its object to the complement", "The drills prompted Warsaw to send extra troops to its border with Belarus.", []string{"POL 15"}, nil},
		{"one's own border faces the neighbour", "Poland sent extra troops to its border with Belarus.", []string{"POL 150 BLR"}, nil},
		{"a verb the tagger missed in a sentence without one", "RSF fighters massacred hundreds of civilians in El Geneina in June 2023, according to a UN panel of experts.", []string{"SDNREB 20"}, nil},
		{"a finite verb the tagger read as a participle", "The European Union imposed sanctions on 17 Belarusian officials on Thursday.", []string{"IGOEUREEC 163 BLRGOV"}, nil},
		{"a speaker's participle hung inside a relative clause", "Kosovo's prime minister demanded that Serbia hand over the gunmen who fled across the boundary, accusing Belgrade of sheltering them.", []string{"KSVGOV 112 SRB"}, nil},
		{"a speaker's participle hung inside the complement", "Somalia's president demanded that Ethiopia pull its troops out of the Gedo region, accusing Addis Ababa of arming local militias.", []string{"SOMGOV 112 ETH", "SOMGOV 1056 ETH"}, []string{"ETH 112"}},
		{"a participle of the complement's own act stays there", "Ukrainian officials said Russian forces shelled Kharkiv, killing four people.", []string{"RUSMIL 194 UKR"}, []string{"UKR 190"}},
		{"an initial inside a titled person's name", "Indian Foreign Minister S. Jaishankar criticised Pakistan on Monday.", []string{"INDGOV 111 PAK"}, nil},
		{"what is sent is not in the clause that tells when", "Djibouti's president sent condolences to Somalia's president after a car bomb killed 20 people in Mogadishu.", []string{"DJIGOV 018 SOMGOV"}, []string{"DJIGOV 072"}},
		{"an organisation's office holder acts for it", "U.N. Secretary-General Antonio Guterres praised Qatar on Monday.", []string{"IGOUNO 051 QAT"}, []string{"PRT"}},
		{"an organisation's office holder, the organisation unknown to the dictionary's entry", "NATO Secretary General Jens Stoltenberg criticised Russia.", []string{"IGOWSTNAT 111 RUS"}, nil},
		{"an intransitive verb read as a participle", "Hundreds of Filipino fishermen and activists rallied outside the Chinese embassy in Manila on Sunday.", []string{"PHLAGR 141 CHNGOV"}, nil},
		{"a number word is no verb", "Several hundred Myanmar exiles rallied outside the Chinese embassy in Bangkok on Sunday, Thai police said.", []string{"MMROPP 141 CHNGOV"}, nil},
		{"a thing that fails is no actor's act", "The Italian comedy bombed at the box office in France.", nil, []string{"ITA"}},
		{"force on people by organs of one country", "Soldiers and police in Yangon rounded up more than 40 young men on Saturday.", []string{"MMRMIL 173 MMRPPL", "MMRCOP 173 MMRPPL"}, nil},
		{"bare roles coordinated take the clause's country", "Bandits and militants kidnapped two engineers in Nigeria's Zamfara state.", []string{"NGACRM 181", "NGAREB 181"}, nil},
		{"a verb read as a participle before a trailing attribution", "Polish border guards pushed back a group of about 40 Afghan migrants into Belarus on Tuesday, a rights group said.", []string{"POLMIL 174 AFGCVL"}, nil},
		{"nationals are civilians", "Philippine authorities launched an investigation on Wednesday into dozens of Chinese nationals suspected of spying on military bases.", []string{"PHLGOV 090 CHNCVL"}, nil},
		{"a state organ named without its country, by its own people", "Haiti's opposition parties demanded the resignation of the prime minister.", []string{"HTIOPP 100 HTIGOV"}, nil},
		{"a state organ named without its country, denounced by its people", "Kenyan protesters denounced the police on Tuesday.", []string{"KENOPP 111 KENCOP"}, nil},
		{"a state's government names no organ of its own", "Russia criticised the government on Tuesday.", nil, []string{"RUS 111 RUSGOV"}},
		{"a conjunct the parser gave the verb is the object's", "North Korea accused the United States and South Korea on Saturday of rehearsing an invasion of the North.", []string{"PRK 112 USA", "PRK 112 KOR"}, nil},
		{"blame pinned on someone", "Pakistan recalled its high commissioner from New Delhi on Wednesday, days after a militant attack in Kashmir that New Delhi blamed on Islamabad.", []string{"PAK 161 IND", "IND 112 PAK"}, nil},
		{"a number word read as a preposition", "The Philippine navy arrested eleven Chinese fishermen for poaching near Palawan island.", []string{"PHLMIL 173 CHNAGR"}, nil},
		{"a participle before a name is its adjective", "Ethiopia's foreign minister expressed optimism about the country's relations with neighbouring Djibouti.", []string{"ETHGOV 013 DJI"}, nil},
		{"the verb after the day of a wire lead", "The European Union on Monday imposed sanctions on nine senior Myanmar military officers and extended its arms embargo on the country for another year, a statement from the bloc said.", []string{"IGOEUREEC 163 MMRMIL"}, nil},
		{"a plan's clause hung on the adjective before it", "Beijing was seriously concerned about Japan's plan to deploy long-range missiles near Taiwan.", []string{"JPN 150 TWN planned"}, []string{"CHN 150"}},
		{"a target hung on a list's last member", "The U.N. Security Council on Monday imposed a travel ban, an asset freeze and a targeted arms embargo on five Haitian gang leaders.", []string{"IGOUNO 163 HTICRM"}, nil},
		{"where a force is, told by its participle", "Serbian President Aleksandar Vucic on Monday placed troops stationed along the administrative line with Kosovo on the highest level of combat readiness.", []string{"SRBGOV 152 KSV"}, nil},
		{"the members of a body have its role", "Police in Haiti arrested five gang leaders.", []string{"HTICOP 173 HTICRM"}, []string{"HTIGOV"}},
		{"dissidents of an armed group are the group", "FARC dissidents kidnapped three police officers in Colombia.", []string{"COLREB 181 COL"}, nil},
		{"a name no dictionary knows takes no shared role", "Fighting between the ELN and FARC dissidents killed 80 people.", []string{"--- 190 COLREB symmetric"}, []string{"---OPP"}},
		{"the recipient hung deep in what is given", "Jordan sent 40 trucks loaded with food, flour and medical supplies to Syria on Tuesday.", []string{"JOR 073 SYR"}, nil},
		{"titled persons coordinated, the clause parsed again without titles", "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti held a fresh round of talks in Brussels on Tuesday.", []string{"SRBGOV 046 KSVOPP symmetric"}, nil},
		{"titled persons coordinated, a ruler's title", "Egyptian President Abdel Fattah al-Sisi and Jordan's King Abdullah II discussed regional security in a phone call on Thursday.", []string{"EGYGOV 041 JORGOV symmetric"}, nil},
		{"an infinitive is no finite verb, and a compound noun keeps its tag when the sentence is tagged again", "Hungarian riot police fired tear gas and water cannon at hundreds of Syrian migrants trying to break through the border fence with Serbia at Roszke.", []string{"HUNCOP 175 SYRCVL"}, nil},
		{"an act one denies a part in is not done", "Serbia's government on Sunday denied any involvement in an armed raid on a village in northern Kosovo.", []string{"SRBGOV 190 KSVCVL negated"}, nil},
		{"the lexicon's noun outranks the embedded dictionary's verb pattern on it", "The International Criminal Court issued arrest warrants for Israel's prime minister and a Hamas leader.", []string{"IGOJUDICC 173 ISRGOV"}, []string{"IGOJUDICC 100"}},
		{"an event noun subject of a condition is supposed", "If talks between Washington and Pyongyang ever resume, analysts say, the first sticking point would be North Korea's demand.", []string{"USA 046 PRK hypothetical symmetric"}, nil},
		{"what one draws from others is their act on one", "Iran test-fired a ballistic missile on Sunday, drawing condemnation from Washington.", []string{"USA 111 IRN"}, nil},
		{"what a thing draws is its owner's", "Pakistan's move drew praise from China.", []string{"CHN 051 PAK"}, nil},
		{"a crowd counted by its number", "Hundreds of protesters marched on the U.S. embassy in Nairobi.", []string{"KENOPP 141 USAGOV"}, nil},
		{"a meeting's participants named by a participle", "The Russian president will attend a quadrilateral summit also involving the leaders of Tajikistan and Afghanistan.", []string{"RUSGOV 042 TJKGOV planned", "RUSGOV 042 AFGGOV planned"}, nil},
		{"a call's maker named by the by-phrase the parser hung on the verb", "Israel on Sunday dismissed calls by the Arab League to withdraw its forces from southern Syria.", []string{"ISR 120 IGOMEAARL"}, []string{"ISR 0256"}},
		{"a statement's target through the noun it is about", "Iranian President Masoud Pezeshkian said on Sunday he was optimistic about the future of relations with Saudi Arabia.", []string{"IRNGOV 013 SAU"}, nil},
		{"a participle set off after a verb of saying is the sayer's", "Iran freed two American citizens on Thursday, the White House said, thanking Doha for its efforts.", []string{"USA 051 QAT"}, nil},
		{"a reduced relative stays a participle", "Sanctions imposed on Belarus by the European Union took effect.", nil, []string{"BLR 163"}},
		{"the owner of the thing a rule asks for", "ECOWAS suspended the membership of Niger.", []string{"160 NER"}, nil},
		{"a verb after 'to' the tagger read as a noun", "Estonia asked NATO allies to station more troops in the Baltic states.", []string{"EST 02"}, nil},
		{"the purpose of an alleged act is alleged", "Officials in Kinshasa accused Rwanda of deploying troops in eastern Congo to support the M23 rebels.", []string{"112 RWA"}, []string{"RWA 07"}},
		{"word sense: an appeal that grows is an attraction", "Vietnam's appeal to Japanese investors has grown.", nil, []string{"02"}},
		{"attacks that increase are still attacks", "Russia's attacks on Ukrainian cities have increased.", []string{"RUS 19"}, nil},
		{"a possessor read as a conjunct is no co-target", "The Indian Army's invasion of East Pakistan and the Soviet Army's defeat in Afghanistan were turning points.", []string{"INDMIL 192 PAK"}, []string{"192 RUSMIL"}},
		{"a joint possessor stays a pair", "India and Pakistan's talks in Geneva ended without a deal.", []string{"IND 046 PAK"}, nil},
		{"a named weapon does nothing", "Russia test fired an Intercontinental Ballistic Missile to counter the American plans.", nil, []string{"OBJ 12", "--- 12"}},
		{"an apposition's role is its own noun's", "President Zardari undertook a historic visit to Moscow, the first official trip by any head of state from Pakistan in 37 years.", []string{"PAKGOV 042 RUS"}, []string{"RUSGOV"}},
		{"a predicate adjective of attitude with its clause", "Vietnam's prime minister said he was confident that Cambodia would settle the border dispute.", []string{"VNMGOV 013 KHM"}, nil},
		{"an attitude about a deal with someone", "Japan is optimistic about a trade deal with Australia.", []string{"JPN 013 AUS"}, nil},
		{"interest in an act is intent", "Pakistan is interested in buying Russian military hardware.", []string{"PAK 031"}, []string{"PAK 062"}},
		{"a symbolic act", "Macron paid tribute to the victims of the attack in Israel.", []string{"FRAGOV 017 ISR"}, nil},
		{"a protest where another holds the protesters", "The hunger strike by Palestinian prisoners in Israeli jails entered its third week.", []string{"PSE 142 ISR"}, nil},
		{"what is denied is not done", "Israel's military denied that its troops had opened fire on Egyptian soldiers.", []string{"ISRMIL 190 EGYMIL negated"}, nil},
		{"nor is the purpose of a denied act", "Rwanda denied that its troops had crossed into Congo to fight the Congolese army.", []string{"RWAMIL 190 CODMIL negated"}, nil},
		{"an act named and supposed", "A Chinese blockade of Taiwan, if it ever happened, would disrupt chip supplies.", []string{"CHN 191 TWN hypothetical"}, nil},
		{"word sense: a list after include", "The Iranian delegation included officials from Russia and China.", nil, []string{"IRNGOV"}},
		{"a light verb 'take' with a noun of force", "Turkey took military action against Kurdish fighters in Syria.", []string{"TUR 19"}, nil},
		{"a threat to take action, a date before the complement", "Serbia threatened on Friday to take swift military action against Kosovo.", []string{"SRB 138 KSV"}, []string{"SRB 19"}},
		{"a participle between a count and its noun", "Belarus freed two detained Polish nationals on Monday.", []string{"BLR 0841 POL"}, nil},
		{"the preposition of a blocking names its target", "Greek farmers blocked a border crossing with Bulgaria.", []string{"GRC", "144 BGR"}, []string{"144 GRC"}},
		{"a purpose clause asks nothing of the verb", "Kenya sent more peacekeepers to Haiti to help local police forces.", []string{"KEN 074 HTI"}, []string{"KEN 150"}},
		{"'withdraw from' asks its noun of its own phrase", "Ugandan troops withdrew from two towns in eastern Congo under the terms of a peace agreement.", []string{"UGAMIL 0874 COD"}, []string{"160"}},
		{"a phrasal verb's object is the verb's, not its particle's", "Sweden is pulling its aid staff out of Mali.", []string{"SWE 1663 MLI"}, nil},
		{"an adverbial with its own subject is no pattern's", "ISIS militants detonated a truck bomb in Baghdad, killing 20 people, police said, as the group claimed responsibility for the blast.", []string{"183"}, []string{"111"}},
		{"a war feared is not fought", "Serbia moved troops to the border amid fears of a war between Serbia and Kosovo.", []string{"SRB 190 KSV hypothetical"}, []string{"SRB 190 KSV actual"}},
		{"an object pronoun of a participle is the clause's object", "Azerbaijani police detained two Iranian journalists, accusing them of espionage.", []string{"AZECOP 112 IRN"}, nil},
		{"a pronoun that does not agree resolves nothing", "Azerbaijani police detained an Iranian journalist, accusing them of espionage.", nil, []string{"112 IRN"}},
		{"patrol vessels are arms", "Japan delivered four patrol vessels to the Philippines.", []string{"JPN 072 PHL"}, nil},
		{"a meeting that is the occasion of an act has its doer at it", "Spain's prime minister pledged aid to Morocco during a phone call with King Mohammed VI.", []string{"ESPGOV 041 MARGOV"}, nil},
		{"goods stand for the country they come from", "Canada imposed a 100 percent tariff on electric vehicles from China.", []string{"CAN 163 CHN"}, nil},
		{"goods imported from a country, in a threat", "Washington threatened to impose tariffs on all goods imported from Brazil.", []string{"USA 1312 BRA"}, nil},
		{"an appeal to return to an event noun is an appeal for that event", "The European Union urged Armenia and Azerbaijan to return to negotiations.", []string{"IGOEUREEC 026 ARM", "IGOEUREEC 026 AZE"}, []string{"0253"}},
		{"returning to talks holds them", "Serbia returned to negotiations with Kosovo on Monday.", []string{"SRB 046 KSV"}, nil},
		{"one returns what is held, not a place", "Russia returned 100 Ukrainian prisoners of war.", []string{"RUS 0841 UKR"}, nil},
		{"the head of an organisation speaks for it", "The head of the African Union met Sudan's army chief in Addis Ababa.", []string{"IGOAFRAFU 040 SDN"}, nil},
		{"a sea named after a country is no country", "Russian and Chinese warships held joint exercises in the Sea of Japan.", []string{"CHNMIL 062 RUSMIL"}, []string{"JPN"}},
		{"force by a crowd of protesters is a violent protest", "Hundreds of protesters attacked the Turkish embassy in Stockholm.", []string{"SWEOPP 145 TURGOV"}, []string{"190"}},
		{"force by the police on a crowd is repression", "Ugandan police attacked opposition protesters in Kampala.", []string{"UGACOP 175 UGA"}, []string{"190"}},
		{"shooting people is force", "Malian soldiers shot dead four civilians near Gao.", []string{"MLIMIL 190 MLICVL"}, nil},
		{"word sense: shooting a film is no force", "The director shot a documentary in Mali.", nil, []string{"19"}},
		{"a state's organ acts on its own rebels, named by their role", "The Philippine government declared a ceasefire with the rebels.", []string{"PHLGOV 0871 PHLREB"}, nil},
		{"talks broken off are halted", "Serbia broke off negotiations with Kosovo on Friday.", []string{"SRB 164 KSV"}, []string{"130", "046"}},
		{"talks suspended are halted", "Sudan suspended its talks with the Rapid Support Forces.", []string{"SDN 164 SDNREB"}, []string{"046", "160"}},
		{"a dictionary's office before a person's name is the person's title", "German Chancellor Olaf Scholz praised Kenya on Wednesday.", []string{"DEU 051 KEN"}, []string{"DEUGOV 051 KEN"}},
		{"a suicide bomber blowing himself up", "A Pakistani Taliban suicide bomber blew himself up outside a police station in Peshawar.", []string{"PAKINS 1831 PAK"}, nil},
		{"armed men storming a place attack it", "Houthi fighters stormed a Saudi border post.", []string{"190 SAU"}, []string{"145"}},
		{"a particle after the object", "Azerbaijan handed two Armenian soldiers back to Armenia.", []string{"AZE 0841 ARM"}, nil},
		{"a truce violated by firing at someone is force against them", "Azerbaijani troops violated the ceasefire by firing mortars at Armenian positions.", []string{"AZEMIL 196 ARM"}, []string{"0871"}},
		{"a name before a noun and a place noun is a place", "Kyrgyz border guards and Tajik troops exchanged heavy fire near the disputed Golovnoi water facility on Thursday.", nil, []string{"---"}},
		{"an event noun read as an adjective's conjunct", "China's military staged large-scale air and naval drills around Taiwan.", []string{"CHNMIL 150 TWN"}, nil},
		{"tariffs lifted ease an embargo", "China lifted its remaining tariffs on Australian wine.", []string{"CHN 085 AUS"}, nil},
		{"aid distributed", "The World Food Programme distributed maize to Zimbabweans.", []string{"IGOUNOWFP 073 ZWE"}, nil},
		{"declining to comment", "Germany declined to comment on Poland's demand for war reparations.", []string{"DEU 011 POL"}, []string{"12"}},
		{"an appeal to agree to a truce", "Qatar urged Israel and Hamas to agree to a truce in Gaza.", []string{"QAT 0256 ISR"}, []string{"ISR 0871"}},
		{"a ban on a country's goods is an embargo", "China's commerce ministry announced an immediate ban on all imports of Japanese seafood on Thursday.", []string{"CHNGOV 163 JPN"}, []string{"172"}},
		{"a part of a place stands for the place", "Thousands of protesters marched through the streets of Dhaka.", []string{"BGDOPP 141 BGD"}, nil},
		{"a parse that lost its verb is read again without the date", "U.N. Secretary-General Antonio Guterres on Wednesday called on Venezuela's military government to release Maria Corina Machado.", []string{"IGOUNO 0253 VEN"}, []string{"IGOUNO 040"}},
		{"a role noun opening the sentence is no name", "Gunmen attacked a Nigerian army base on Sunday.", []string{"NGAUAF 190 NGAMIL"}, []string{"--- 190"}},
		{"armed men with no country act in a titled target's", "Rebels killed Gabonese President John Doe.", []string{"GABREB 190 GABGOV"}, nil},
		{"a tried assassination is an attempt", "Rebels tried to assassinate the Malian president.", []string{"MLIREB 185 MLIGOV"}, []string{"186"}},
		{"a passive subject's phrase holds the target", "Funding for the UN agency was suspended by Sweden in January 2024.", []string{"SWE 1621 IGOUNO"}, nil},
		{"an envoy recalled from a post acts on the host", "Canada recalled its ambassador to China for consultations on Thursday.", []string{"CAN 161 CHN"}, []string{"CANGOV"}},
		{"a state acts on its own organ through its government", "Indonesia investigated its police chief for corruption.", []string{"IDNGOV 091 IDNCOP"}, nil},
		{"what a state demands for its own soldiers is no act on them", "Ivory Coast demanded the release of 49 of its soldiers detained in Mali.", nil, []string{"CIVGOV 10"}},
		{"cutting communication reduces relations", "North Korea threatened to cut off all communication with South Korea.", []string{"PRK 1313 KOR"}, []string{"138"}},
		{"aid announced is an intent", "Japan will provide $12 million in emergency food assistance to Sudan.", []string{"JPN 033 SDN planned"}, []string{"073"}},
		{"forces named by role where the act happened", "ELN guerrillas kidnapped a soldier and two police officers at a roadblock in Colombia's Arauca department on Sunday.", []string{"COLREB 181 COLMIL", "COLREB 181 COLCOP"}, nil},
		{"wrongs investigated are where they were done", "The United Nations investigated human rights abuses in Myanmar.", []string{"IGOUNO 092 MMR"}, nil},
		{"a count of counts of a crowd", "Hundreds of thousands of demonstrators marched against the Serbian government.", []string{"SRBOPP 141 SRBGOV"}, nil},
		{"warplanes sent around a country are a show of force", "China sent 45 military aircraft and 14 warships around Taiwan on Monday.", []string{"CHN 150 TWN"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := treeEvents(e, c.text, graph.Date{})
			joined := strings.Join(got, " | ")
			for _, w := range c.want {
				if !strings.Contains(joined, w) {
					t.Errorf("%q\n  got  %v\n  want one with %q", c.text, got, w)
				}
			}
			for _, n := range c.not {
				if strings.Contains(joined, n) {
					t.Errorf("%q\n  got  %v\n  want none with %q", c.text, got, n)
				}
			}
		})
	}
}

// TestTreeSubsumedTarget: a country is no second target beside its own
// group or organ.
func TestTreeSubsumedTarget(t *testing.T) {
	e := treeEngine(t)
	for _, c := range []struct{ text, want string }{
		{"Israeli jets struck Houthi-controlled ports in western Yemen.", "ISRMIL 195 YEMREB"},
		{"Russian forces shelled Ukrainian army positions in Ukraine.", "RUSMIL 194 UKRMIL"},
	} {
		got := treeEvents(e, c.text, graph.Date{})
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q\n  got  %v\n  want [%s]", c.text, got, c.want)
		}
	}
}

// TestTreeReporter: a speaker, a parenthetical source and "according to"
// are kept as the event's reporter, not coded as its source.
func TestTreeReporter(t *testing.T) {
	e := treeEngine(t)
	got := strings.Join(treeEvents(e, "Ukrainian officials said Russian forces shelled Kharkiv and Odesa.", graph.Date{}), " | ")
	if !strings.Contains(got, "reported-by UKRGOV") {
		t.Errorf("reported speech: got %s, want the Ukrainian officials as reporter", got)
	}
	if strings.Contains(got, "UKRGOV 1") || strings.Contains(got, "UKRGOV 0") {
		t.Errorf("reported speech: got %s, the speaker coded as a source", got)
	}
	got = strings.Join(treeEvents(e, "According to Lavrov, Moscow criticised Islamabad.", graph.Date{}), " | ")
	if !strings.Contains(got, "reported-by RUSGOV") {
		t.Errorf("according to: got %s, want Lavrov as reporter", got)
	}
	// A closing attribution the parser hung on the clause's last noun.
	got = strings.Join(treeEvents(e, "Turkey will launch a ground operation against Kurdish fighters in northern Syria, President Recep Tayyip Erdogan said.", graph.Date{}), " | ")
	if !strings.Contains(got, "TUR 138 SYR") || !strings.Contains(got, "reported-by TURGOV") || strings.Contains(got, "TUR 190") {
		t.Errorf("closing attribution: got %s, want a threat reported by Erdogan", got)
	}
	// What a speaker says its government will do is an intent.
	got = strings.Join(treeEvents(e, "The German foreign ministry said on Tuesday that Berlin would send 50,000 tonnes of wheat to Yemen.", graph.Date{}), " | ")
	if !strings.Contains(got, "DEU 033 YEM") {
		t.Errorf("announced aid: got %s, want an intent to give aid", got)
	}
}

// TestTreeDictionary: a dictionary's actors with dated codes, agents,
// verb patterns and discards take effect on the parse coder.
func TestTreeDictionary(t *testing.T) {
	const verbs = `&NEGAUX
+DID N'T
+WILL NOT

--- RESTORE [064] ---
RESTORE
- * TIES [064]
- * FRIENDSHIP [051]

--- ABANDON [---] ---
ABANDON
- * TIES [901]

--- SCOLD [---] ---
SCOLD
- * + (OVER BORDER) [111]

--- URGE [102] ---
URGE

--- DELAY [---] ---
DELAY
- % HAVE * [191]

--- MARCH [181] ---
MARCH

--- ALLOW [080] ---
ALLOW
- * REALLY_PLEASANT [024]

--- SIDE [---] ---
SIDE
- * WITH % [031]

--- FERRY [---] ---
FERRY
- * (TO ) [036]
- * GRAIN [073]

--- CLASH [---] ---
CLASH
- &NEGAUX * OVER EFFORTS [904]
- * OVER EFFORTS [121]
`
	const actors = `ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
ROHAN [ROH]
ARAGORN
	[ARNREB <19990101]
	[ARNGOV >19990101]
THE_SHIRE [FRO/BIL]
`
	const agents = `MILITIA {} [~REB]
RELIEF_AGENCY [NGO~]
HUMAN_RIGHTS_ACTIVIST [~OPP]
`
	const discards = `+FOOTBALL_
`
	var files []*dict.File
	for name, text := range map[string]string{"v.txt": verbs, "a.txt": actors, "g.txt": agents, "d.txt": discards} {
		f, err := dict.Parse(name, []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		files = append(files, f)
	}
	d := dict.FromFiles(files...)
	var es []Entry
	for _, a := range d.Actors {
		en := Entry{Name: a.Name, Code: a.Code, Type: a.Type, Country: a.Country, Aliases: a.Aliases}
		for _, r := range a.Roles {
			en.Spans = append(en.Spans, CodeSpan{Code: r.Code, From: r.From, Until: r.Until})
		}
		es = append(es, en)
	}
	base, err := New(es, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := base.WithParser(m.WithBeam(4)).WithVerbs(d.VerbDict).WithHooks(Hooks{
		Agent: d.AgentMatch,
		Discard: func(s string) (bool, bool) {
			dd, ok := d.DiscardMatch(s)
			return dd.Story, ok
		},
	})
	for _, c := range []struct {
		name, text string
		date       graph.Date
		want       string // "" for no event at all
	}{
		{"pattern", "Arnor restored full diplomatic ties with Gondor.", graph.Date{}, "ARN 064 GON"},
		{"another pattern", "Arnor restored its old friendship with Gondor.", graph.Date{}, "ARN 051 GON"},
		{"prepositional pattern", "Arnor scolded Gondor over the border.", graph.Date{}, "ARN 111 GON"},
		{"a code of the user's own", "Arnor abandoned its ties with Gondor.", graph.Date{}, "ARN 901 GON"},
		{"a pattern of words in order", "Arnor clashed over the efforts of Gondor.", graph.Date{}, "ARN 121 GON"},
		{"a pattern holding its negation in a synset of two words", "Arnor didn't clash over the efforts of Gondor.", graph.Date{}, "ARN 904 GON"},
		{"the same with a negation of two other words", "Arnor will not clash over the efforts of Gondor.", graph.Date{}, "ARN 904 GON"},
		{"dated code before", "Aragorn restored ties with Gondor.", graph.Date{Year: 1995}, "ARNREB 064 GON"},
		{"dated code after", "Aragorn restored ties with Gondor.", graph.Date{Year: 2003}, "ARNGOV 064 GON"},
		{"agent after", "The Arnorian militia restored ties with Gondor.", graph.Date{}, "ARNREB 064 GON"},
		{"several codes", "The Shire restored ties with Gondor.", graph.Date{}, "BIL 064 GON"},
		{"an agent of several words", "Human rights activists in Arnor restored ties with Gondor.", graph.Date{}, "ARNOPP 064 GON"},
		{"a verb of appeal the user's dictionary codes", "Arnor urged Gondor to restore the dam.", graph.Date{}, "ARN 102 GON"},
		{"a compound before the verb acts on its own members", "Arnor and Gondor have delayed the ceremony.", graph.Date{}, "ARN 191 GON symmetric"},
		{"a compound after the verb is the target", "Rohan sided with Arnor and Gondor.", graph.Date{}, "ROH 031 GON"},
		{"the first actor after the verb, through a predicate adjective", "Arnor marched very close to the border with Gondor.", graph.Date{}, "ARN 181 GON"},
		{"a pattern without a target, the clause's subject after the verb", "Arnor allowed that Gondor is a really pleasant place.", graph.Date{}, "ARN 024 GON"},
		{"a word of the pattern before a bare preposition", "Arnor ferried grain to Gondor.", graph.Date{}, "ARN 073 GON"},
		{"discarded story", "Arnor restored ties with Gondor after the football final.", graph.Date{}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := treeEvents(e, c.text, c.date)
			if c.want == "" {
				if len(got) > 0 {
					t.Errorf("%q: got %v, want nothing", c.text, got)
				}
				return
			}
			found := false
			for _, g := range got {
				// The wanted event, not negated unless it says so.
				found = found || g == c.want || strings.HasPrefix(g, c.want+" ") && !strings.HasPrefix(g, c.want+" negated")
			}
			if !found {
				t.Errorf("%q: got %v, want %q", c.text, got, c.want)
			}
		})
	}
}

// TestTreeGroups: "the two leaders" and "all three countries" stand for
// the persons and countries last named.
func TestTreeGroups(t *testing.T) {
	e := treeEngine(t)
	for _, c := range []struct{ text, want string }{
		{"Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi. The two leaders signed a trade agreement.", "KENGOV 057 UGAGOV"},
		{"Ministers from Kenya, Uganda and Tanzania met in Arusha. All three countries criticised Burundi.", "TZA 111 BDI"},
	} {
		res := e.Extract(Doc{ID: "g", Text: c.text, Sentences: crudeSentences(c.text)})
		codes := map[string]string{}
		for _, a := range res.Actors {
			codes[a.ID] = a.Code
		}
		var got []string
		for _, ev := range res.Events {
			got = append(got, codes[ev.Source]+" "+ev.CAMEO+" "+codes[ev.Target])
		}
		if !strings.Contains(strings.Join(got, " | "), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, got, c.want)
		}
	}
}

// TestTreeOneEventPerAct: a light verb's pattern and its event noun name
// one act, coded once.
func TestTreeOneEventPerAct(t *testing.T) {
	e := treeEngine(t)
	for _, text := range []string{
		"Then prime minister, Liaquat Ali Khan, paid an official visit to the US.",
		"The Kenyan president paid a state visit to Uganda on Monday.",
		"The Japanese emperor went on a state visit to China.",
	} {
		got := treeEvents(e, text, graph.Date{})
		visits := 0
		for _, ev := range got {
			if strings.Contains(ev, " 04") {
				visits++
			}
		}
		if visits != 1 {
			t.Errorf("%q: %d visits in %v, want 1", text, visits, got)
		}
	}
}

// TestTreeGovernorAndComplement: a verb of intent or plan whose
// complement is coded with the same actors gives one event, the
// complement's; a verb that stops its complement keeps its own.
func TestTreeGovernorAndComplement(t *testing.T) {
	e := treeEngine(t)
	for _, c := range []struct {
		text string
		want []string
		n    int
	}{
		{"Russia intended to host peace talks between Pakistan and India.", []string{"RUS 045 PAK planned", "RUS 045 IND planned"}, 2},
		{"The United States has recently stopped inviting Pakistan's military officers to its training programmes.", []string{"USA 16"}, 0},
	} {
		got := treeEvents(e, c.text, graph.Date{})
		joined := strings.Join(got, " | ")
		for _, w := range c.want {
			if !strings.Contains(joined, w) {
				t.Errorf("%q\n  got  %v\n  want one with %q", c.text, got, w)
			}
		}
		if c.n > 0 && len(got) != c.n {
			t.Errorf("%q: %d events %v, want %d", c.text, len(got), got, c.n)
		}
	}
}

// TestTreeObjectAnaphor: "the project" refers back to the last project
// named, which can be what an act is aimed at.
func TestTreeObjectAnaphor(t *testing.T) {
	res := twoSentences(treeEngine(t), "Now Russia has offered to finance the Iran-Pakistan gas pipeline project.",
		"While America is doing all it could to scuttle the project, Russia is extending a helping hand.")
	var got []string
	for _, ev := range res.Events {
		got = append(got, ev.Source+" "+ev.CAMEO+" "+ev.Target)
	}
	if !strings.Contains(strings.Join(got, " | "), "united-states 12") {
		t.Errorf("got %v, want the United States opposing the pipeline", got)
	}
}

// twoSentences extracts a document of two sentences, one after the other.
func twoSentences(e *Engine, first, second string) Result {
	text := first + " " + second
	k := len(first)
	return e.Extract(Doc{ID: "t", Text: text, Sentences: []Sentence{{Index: 0, Start: 0, End: k, Text: first}, {Index: 1, Start: k + 1, End: len(text), Text: second}}})
}

// TestTreeHomeOrgans: "the army" with no country named is the army of the
// country the document names most.
func TestTreeHomeOrgans(t *testing.T) {
	res := twoSentences(treeEngine(t), "Fighting raged in Khartoum, Omdurman and Port Sudan.", "Later the army shelled Chadian positions.")
	codes := map[string]string{}
	for _, a := range res.Actors {
		codes[a.ID] = a.Code
	}
	var got []string
	for _, ev := range res.Events {
		got = append(got, codes[ev.Source]+" "+ev.CAMEO+" "+codes[ev.Target])
	}
	if !strings.Contains(strings.Join(got, " | "), "SDNMIL 19") {
		t.Errorf("got %v, want Sudan's army shelling Chad", got)
	}
}

// TestAgentPhraseEndsBeforeFunctionWord: an agent phrase of the
// dictionary that ends in a function word (Phoenix's EMBASSY_IN) names
// its actor without it, so the word stays the preposition it is.
func TestAgentPhraseEndsBeforeFunctionWord(t *testing.T) {
	e := treeEngine(t)
	text := "Iraqi protesters stormed the Swedish embassy in Baghdad."
	res := e.Extract(Doc{ID: "t", Text: text, Sentences: []Sentence{{Start: 0, End: len(text), Text: text}}})
	found := false
	for _, a := range res.Actors {
		if a.Code == "SWEGOV" {
			found = true
			for _, n := range append([]string{a.Name}, a.Aliases...) {
				if strings.HasSuffix(n, " in") {
					t.Errorf("actor %s named %q", a.ID, n)
				}
			}
		}
	}
	if !found {
		t.Errorf("no embassy among %+v", res.Actors)
	}
}

// TestTitleWordInsideName: a title word between the words of a personal
// name is part of the name ("Sheikh" in "Hassan Sheikh Mohamud"), where
// one before a name starts a title.
func TestTitleWordInsideName(t *testing.T) {
	e := treeEngine(t)
	for _, c := range []struct{ text, want string }{
		{"Egypt hosted Somali President Hassan Sheikh Mohamud in Cairo.", "Hassan Sheikh Mohamud"},
		{"Qatar welcomed Sheikh Tamim.", "Tamim"},
	} {
		res := e.Extract(Doc{ID: "t", Text: c.text, Sentences: []Sentence{{Start: 0, End: len(c.text), Text: c.text}}})
		var names []string
		for _, a := range res.Actors {
			names = append(names, a.Name)
		}
		if !slices.Contains(names, c.want) {
			t.Errorf("%q: actors %q, want one named %q", c.text, names, c.want)
		}
	}
}

// TestAcronymDefinedInText: a short form in parentheses after a name
// stands for that actor for the rest of the document, and capitalized
// words that run into an organisation's head word name the organisation,
// not a titled person ("National" is also a title word).
func TestAcronymDefinedInText(t *testing.T) {
	e := treeEngine(t)
	text := "Colombia's government and the National Liberation Army (ELN) held talks in Havana. The ELN later attacked Colombian soldiers."
	first := strings.Index(text, "The ELN")
	res := e.Extract(Doc{ID: "t", Text: text, Sentences: []Sentence{{Start: 0, End: first - 1, Text: text[:first-1]}, {Index: 1, Start: first, End: len(text), Text: text[first:]}}})
	var names []string
	for _, a := range res.Actors {
		names = append(names, a.Name)
	}
	if !slices.Contains(names, "National Liberation Army") || slices.Contains(names, "Liberation") || slices.Contains(names, "ELN") {
		t.Fatalf("actors %q, want one National Liberation Army and no other for its short form", names)
	}
	attacked := false
	for _, ev := range res.Events {
		attacked = attacked || ev.Source == "national-liberation-army" && ev.SentenceIndex == 1
	}
	if !attacked {
		t.Errorf("no event of the National Liberation Army in the sentence that calls it the ELN: %+v", res.Events)
	}
}

// TestNameBeforePlaceNoun: a name found in no dictionary right before a
// place noun ("the Croix-des-Bouquets area", "the Artibonite region") is
// that place, not an actor an act could be done to.
func TestNameBeforePlaceNoun(t *testing.T) {
	e := treeEngine(t)
	ds := newDocState()
	for _, text := range []string{"Fighting spread to the Croix-des-Bouquets area.", "Floods hit the Artibonite region."} {
		rec := &recognizer{e: e, doc: ds}
		rec.text, rec.toks = text, tokenize(text, nil)
		for _, m := range rec.run() {
			if m.actor != nil && m.actor.unknown && m.actor.Type != graph.Place {
				t.Errorf("%q: %q is a %s, want a place", text, m.actor.Name, m.actor.Type)
			}
		}
	}
}
