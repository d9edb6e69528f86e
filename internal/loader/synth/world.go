package synth

// The cast of the synthetic world. Names are real so that kg's dictionaries
// recognise them; what they do in the articles is random.

type country struct {
	name, demonym, capital, code string
}

var countries = []country{
	{"Pakistan", "Pakistani", "Islamabad", "PAK"},
	{"Russia", "Russian", "Moscow", "RUS"},
	{"China", "Chinese", "Beijing", "CHN"},
	{"India", "Indian", "New Delhi", "IND"},
	{"the United States", "American", "Washington", "USA"},
	{"Iran", "Iranian", "Tehran", "IRN"},
	{"Afghanistan", "Afghan", "Kabul", "AFG"},
	{"Turkey", "Turkish", "Ankara", "TUR"},
	{"France", "French", "Paris", "FRA"},
	{"Germany", "German", "Berlin", "DEU"},
	{"Britain", "British", "London", "GBR"},
	{"Japan", "Japanese", "Tokyo", "JPN"},
	{"Saudi Arabia", "Saudi", "Riyadh", "SAU"},
	{"Israel", "Israeli", "Jerusalem", "ISR"},
	{"Egypt", "Egyptian", "Cairo", "EGY"},
	{"Ukraine", "Ukrainian", "Kiev", "UKR"},
	{"Syria", "Syrian", "Damascus", "SYR"},
	{"North Korea", "North Korean", "Pyongyang", "PRK"},
	{"South Korea", "South Korean", "Seoul", "KOR"},
	{"Tajikistan", "Tajik", "Dushanbe", "TJK"},
	{"Brazil", "Brazilian", "Brasilia", "BRA"},
	{"Qatar", "Qatari", "Doha", "QAT"},
}

// person is a titled person; variants are other spellings of the name, used
// now and then as a second source would.
type person struct {
	title, name, surname, country string
	variants                      []string
}

var persons = []person{
	{"Prime Minister", "Nawaz Sharif", "Sharif", "PAK", nil},
	{"Army Chief Gen.", "Ashfaq Pervez Kayani", "Kayani", "PAK", []string{"Ashfaq Parvez Kiani", "Ashfaq Pervaiz Kayani"}},
	{"Air Chief Marshal", "Tahir Rafiq Butt", "Butt", "PAK", []string{"Tahir Rafique Butt"}},
	{"Foreign Minister", "Hina Rabbani Khar", "Khar", "PAK", nil},
	{"President", "Vladimir Putin", "Putin", "RUS", nil},
	{"Foreign Minister", "Sergey Lavrov", "Lavrov", "RUS", []string{"Sergei Lavrov"}},
	{"Defence Minister", "Sergei Shoigu", "Shoigu", "RUS", []string{"Sergey Shoygu"}},
	{"President", "Xi Jinping", "Xi", "CHN", nil},
	{"Prime Minister", "Manmohan Singh", "Singh", "IND", nil},
	{"Secretary of State", "John Kerry", "Kerry", "USA", nil},
	{"President", "Barack Obama", "Obama", "USA", nil},
	{"President", "Hassan Rouhani", "Rouhani", "IRN", []string{"Hasan Rowhani"}},
	{"President", "Hamid Karzai", "Karzai", "AFG", nil},
	{"Prime Minister", "Recep Tayyip Erdogan", "Erdogan", "TUR", nil},
	{"Chancellor", "Angela Merkel", "Merkel", "DEU", nil},
	{"President", "Francois Hollande", "Hollande", "FRA", nil},
	{"Prime Minister", "Shinzo Abe", "Abe", "JPN", nil},
	{"President", "Bashar al-Assad", "Assad", "SYR", nil},
	{"President", "Emomali Rahmon", "Rahmon", "TJK", []string{"Emomali Rakhmon"}},
}

var igos = []string{
	"the United Nations", "NATO", "the European Union", "the Shanghai Cooperation Organisation",
	"the International Monetary Fund", "the World Bank", "the African Union", "ASEAN",
	"the UN Security Council", "the International Atomic Energy Agency",
}

var topics = []string{
	"energy cooperation", "counter-terrorism", "trade", "the gas pipeline", "defence ties", "nuclear energy",
	"border security", "the drug trade", "military training", "visa rules", "investment", "regional stability",
	"the Afghan peace process", "arms sales", "water sharing", "cyber security", "climate finance",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

var agencies = []string{"Reuters", "AFP", "AP", "APP", "TASS", "Xinhua", "Dawn News", "Staff Report"}

// Event templates. {A} and {B} are actor mentions; {capA}/{capB} capitals;
// {topic}, {when}, {n} fillers. The CAMEO comment is the intended root.
var templates = []string{
	// visits and meetings (04)
	"{A} visited {capB} {when} for talks on {topic}.",
	"{A} arrived in {capB} {when} on a three-day official visit.",
	"{A} met {B} {when} and discussed {topic}.",
	"{A} held talks with {B} in {capA} {when}.",
	"{A} hosted {B} at a dinner in {capA}.",
	// cooperation and agreements (03, 05)
	"{A} and {B} signed an agreement on {topic} {when}.",
	"{A} agreed to expand cooperation with {B} on {topic}.",
	"{A} praised {B} for its role in {topic}.",
	"{A} said it wanted closer ties with {B}.",
	"{A} welcomed the decision by {B} to resume talks on {topic}.",
	// aid (07)
	"{A} pledged ${n} million in aid to {B} {when}.",
	"{A} provided military assistance to {B}, officials said.",
	"{A} sent humanitarian supplies to {B} after the floods.",
	// demands, criticism and threats (10-13)
	"{A} demanded that {B} stop supporting militants.",
	"{A} criticised {B} over {topic}.",
	"{A} accused {B} of interfering in its internal affairs.",
	"{A} condemned the attack by {B} {when}.",
	"{A} warned {B} against any violation of its airspace.",
	"{A} threatened {B} with sanctions over {topic}.",
	"{A} rejected the proposal made by {B}.",
	// sanctions, force and attacks (16-19)
	"{A} imposed sanctions on {B} {when}.",
	"{A} expelled diplomats from {B}, the ministry said.",
	"{A} suspended {topic} talks with {B}.",
	"{A} forces attacked {B} positions near the border {when}.",
	"{A} launched air strikes against {B} targets.",
	// negation and modality
	"{A} did not condemn {B} for the incident.",
	"{A} denied that it had attacked {B}.",
	"{A} has never supplied weapons to {B}, the spokesman insisted.",
	"{A} plans to visit {capB} next month.",
	"{A} is expected to sign a deal with {B} on {topic}.",
	"{A} could impose new sanctions on {B} if talks fail.",
	"{A} may send troops to help {B}, a source said.",
	"If {B} refuses, {A} would cut aid.",
}

var fillers = []string{
	"Analysts said the move reflects a shift in regional alignments.",
	"The talks come amid growing tension in the region.",
	"Officials did not give further details.",
	"The two sides are expected to meet again later this year.",
	"“We are committed to peace and stability in the region,” the spokesman told reporters.",
	"The ministry said in a statement that relations had entered a new phase.",
	"Trade between the two countries stood at about ${n} million last year.",
	"Critics say the agreement does little to address the underlying issues.",
	"Security was tight across the city during the visit.",
	"The opposition called for a debate in parliament.",
	"Markets reacted calmly to the news.",
	"It was the first such visit in more than a decade.",
}

var navLines = []string{
	"Home | World | Pakistan | Business | Opinion | Sports | Tech",
	"Skip to content",
	"Menu",
	"Search",
	"Sign in | Register",
	"Breaking News",
	"Latest | Popular | Videos",
}

var footerBlocks = [][]string{
	{"Share this:", "Facebook", "Twitter", "WhatsApp", "Email", "Print"},
	{"Recent Posts", "{title}", "{title}", "{title}", "{title}"},
	{"Related Articles", "{title}", "{title}", "{title}"},
	{"Subscribe to our newsletter", "Enter your email address", "Subscribe"},
	{"Comments (0)", "Leave a Reply", "Your email address will not be published."},
	{"© {year} Daily Frontier News. All rights reserved.", "Privacy Policy | Terms of Use | Contact Us"},
	{"Tags: diplomacy, security, foreign policy"},
}
