// What the large seed's customers are called and what they and the agents write. Texts are
// format() templates filled per message: %1$s the customer's first name, %2$s a product, %3$s an
// order number, %4$s a colour, %5$s a place, %6$s a weekday.

export const firstNames = [
  // English, German, French, Spanish, Portuguese, Italian
  "Oliver", "Emma", "James", "Sophie", "Liam", "Charlotte", "Noah", "Amelia",
  "Lukas", "Hannah", "Jonas", "Lea", "Felix", "Mia",
  "Camille", "Louis", "Chloé", "Hugo", "Manon",
  "Mateo", "Lucía", "Sofía", "Diego", "Valentina", "Alejandro",
  "João", "Mariana", "Beatriz", "Tiago",
  "Giulia", "Lorenzo", "Francesca", "Matteo",
  // Polish, Turkish, Arabic, Hindi, Japanese, Chinese
  "Zofia", "Jakub", "Wiktoria", "Kacper",
  "Elif", "Emre", "Zeynep", "Mehmet",
  "Omar", "Fatima", "Youssef", "Layla", "Ahmed", "Aisha",
  "Aarav", "Priya", "Rohan", "Ananya", "Vikram",
  "Yuki", "Haruto", "Sakura", "Ren",
  "Wei", "Mei", "Jun", "Xiaoling",
  // Swahili, Igbo, Yoruba, Russian, Nordic, Dutch, Korean, Vietnamese, Indonesian
  "Amani", "Zawadi", "Chinedu", "Adaeze", "Oluwaseun",
  "Dmitri", "Anastasia", "Ivan", "Olga",
  "Søren", "Ingrid", "Björn", "Astrid",
  "Daan", "Sanne", "Minjun", "Jiwoo", "Linh", "Minh", "Putri", "Budi",
];

export const lastNames = [
  "Smith", "Johnson", "Bennett", "O'Brien", "Murphy",
  "Müller", "Schmidt", "Fischer", "Weber",
  "Dubois", "Lefèvre", "Moreau", "Laurent",
  "García", "Martínez", "Rodríguez", "López", "Hernández", "Fernández",
  "Silva", "Santos", "Oliveira", "Costa", "Pereira",
  "Rossi", "Russo", "Esposito", "Bianchi",
  "Kowalski", "Nowak", "Wiśniewski", "Kowalczyk", "Novák", "Horvat",
  "Yılmaz", "Kaya", "Demir", "Şahin",
  "Haddad", "Al-Sayed", "Mansour", "Khalil", "Cohen", "Levi", "Papadopoulos",
  "Sharma", "Patel", "Iyer", "Reddy", "Gupta",
  "Tanaka", "Suzuki", "Nakamura", "Watanabe",
  "Wang", "Li", "Zhang", "Chen",
  "Okafor", "Adeyemi", "Mwangi", "Otieno",
  "Ivanov", "Petrova", "Smirnov",
  "Jensen", "Andersson", "Nilsson", "Hansen",
  "de Vries", "Jansen", "Kim", "Park", "Nguyen", "Tran", "Wijaya", "Santoso",
];

export const customerTexts = [
  "Hi, any news on my order #%3$s?",
  "Hello! Where is my order #%3$s? It was supposed to arrive on %6$s.",
  "The %2$s arrived but the box was damaged.",
  "Can I change the colour of my %2$s to %4$s?",
  "Do you ship to %5$s?",
  "Is the %2$s available in %4$s?",
  "I'd like a refund for the %2$s, it doesn't fit in my room.",
  "Thanks, that's perfect!",
  "Can the courier leave it with my neighbour if I'm out?",
  "How long does delivery to %5$s take?",
  "The tracking link for order #%3$s doesn't work.",
  "Is there a discount if I buy two of the %2$s?",
  "My invoice for order #%3$s shows the wrong address.",
  "I'm not home on %6$s, can we reschedule the delivery?",
  "One leg of the %2$s is wobbly, what should I do?",
  "We are a company in %5$s, do you offer b2b prices for 20 pieces of the %2$s?",
  "Still waiting for an answer about my refund…",
  "This is the third time I write, I want to make a complaint.",
  "Great service, thank you!",
  "Ok 👍",
  "Hola, ¿cuándo llega mi pedido #%3$s?",
  "Bonjour, le %2$s est-il disponible en %4$s ?",
  "Hallo, kann ich die Lieferung verschieben? Bestellung %3$s.",
  "Olá! O meu pedido #%3$s ainda não chegou.",
  "Ciao, posso pagare alla consegna?",
];

export const agentTexts = [
  "Hi %1$s, let me check that for you.",
  "Your order #%3$s left our warehouse today; the carrier expects %6$s.",
  "I'm sorry about that, %1$s. Could you send a photo of the %2$s?",
  "Yes, the %2$s comes in %4$s as well.",
  "We ship to %5$s; delivery takes 3–5 working days.",
  "I've changed your order to %4$s. You'll get a new confirmation by email.",
  "The refund for order #%3$s is on its way: 3–5 days until it shows on your statement.",
  "A replacement %2$s is on its way. Tracking follows by email.",
  "Of course, I've asked the courier to leave it with your neighbour.",
  "Thanks for your patience, %1$s!",
  "Here is your new tracking link: https://track.example.com/%3$s",
  "For 10 or more pieces we offer b2b prices: I'll send you a quote today.",
  "Is there anything else I can help with?",
  "Delivery is rescheduled to %6$s between 9:00 and 13:00.",
  "I've passed your complaint to our quality team; they'll call you by %6$s.",
  "¡Claro, %1$s! Tu pedido #%3$s ya está en camino.",
];

/** One message in this many mentions the rare product, so a search for it finds a handful. */
export const RARE_ONE_IN = 25_000;
export const rareTexts = ["Is the tourmaline vase from your catalogue still available?", "Sorry, the tourmaline vase is sold out until spring."];

export const products = [
  "desk", "walnut desk", "standing desk", "oak table", "coffee table", "office chair", "dining chair", "armchair", "sofa",
  "bookshelf", "floor lamp", "bed frame", "mattress", "wardrobe", "rug", "mirror", "nightstand", "sideboard", "bar stool",
];
export const colours = ["oak", "walnut", "white", "black", "grey", "green", "navy", "beige", "terracotta"];
export const places = [
  "Ireland", "Germany", "Spain", "Portugal", "France", "Italy", "the Netherlands", "Poland", "Austria", "Switzerland",
  "Norway", "Denmark", "Belgium", "Dubai", "Brazil", "Mexico", "Kenya", "India", "Turkey", "Japan",
];
export const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// The demo seed (prisma/seed-workspace.ts) creates these already; they are here for a database
// whose demo predates them.
export const labelNames = [
  { name: "vip", color: "violet" },
  { name: "refund", color: "red" },
  { name: "delivery", color: "sky" },
  { name: "b2b", color: "emerald" },
  { name: "complaint", color: "amber" },
];
export const teamNames = ["Support", "Sales"];
