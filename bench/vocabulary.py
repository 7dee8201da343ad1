"""The word lists the synthetic content is drawn from: places, names, courses, facilities and sentences."""

from __future__ import annotations

from typing import NamedTuple

# Every state and union territory with the cities the generator spreads institutions across (300 in all, no
# two with the same slug). The first city of each is its capital or largest; METROS draw the most institutions.
CITIES_BY_STATE: dict[str, tuple[str, ...]] = {
    "Andhra Pradesh": ("Visakhapatnam", "Vijayawada", "Amaravati", "Guntur", "Nellore", "Kurnool", "Tirupati",
                       "Kakinada", "Rajahmundry", "Anantapur", "Kadapa", "Eluru", "Ongole", "Srikakulam",
                       "Vizianagaram"),
    "Arunachal Pradesh": ("Itanagar", "Naharlagun", "Pasighat", "Tawang"),
    "Assam": ("Guwahati", "Dibrugarh", "Silchar", "Jorhat", "Tezpur", "Nagaon", "Tinsukia", "Bongaigaon"),
    "Bihar": ("Patna", "Gaya", "Bhagalpur", "Muzaffarpur", "Darbhanga", "Purnia", "Arrah", "Begusarai", "Katihar",
              "Chhapra", "Hajipur", "Sitamarhi", "Siwan", "Nalanda"),
    "Chhattisgarh": ("Raipur", "Bhilai", "Bilaspur", "Korba", "Durg", "Rajnandgaon", "Jagdalpur"),
    "Goa": ("Panaji", "Margao", "Vasco da Gama", "Mapusa", "Ponda"),
    "Gujarat": ("Ahmedabad", "Surat", "Vadodara", "Rajkot", "Gandhinagar", "Bhavnagar", "Jamnagar", "Junagadh",
                "Anand", "Navsari", "Morbi", "Mehsana", "Bharuch", "Vapi", "Gandhidham", "Porbandar", "Palanpur"),
    "Haryana": ("Gurugram", "Faridabad", "Panipat", "Ambala", "Karnal", "Hisar", "Rohtak", "Sonipat",
                "Yamunanagar", "Panchkula", "Kurukshetra", "Sirsa"),
    "Himachal Pradesh": ("Shimla", "Mandi", "Dharamshala", "Solan", "Kullu", "Hamirpur"),
    "Jharkhand": ("Ranchi", "Jamshedpur", "Dhanbad", "Bokaro Steel City", "Hazaribagh", "Deoghar", "Giridih"),
    "Karnataka": ("Bengaluru", "Mysuru", "Mangaluru", "Hubballi", "Belagavi", "Kalaburagi", "Davanagere",
                  "Ballari", "Shivamogga", "Tumakuru", "Udupi", "Vijayapura", "Manipal", "Hassan", "Bidar",
                  "Chitradurga"),
    "Kerala": ("Thiruvananthapuram", "Kochi", "Kozhikode", "Thrissur", "Kollam", "Kannur", "Kottayam", "Palakkad",
               "Alappuzha", "Malappuram"),
    "Madhya Pradesh": ("Bhopal", "Indore", "Jabalpur", "Gwalior", "Ujjain", "Sagar", "Satna", "Rewa", "Ratlam",
                       "Dewas", "Chhindwara", "Katni"),
    "Maharashtra": ("Mumbai", "Pune", "Nagpur", "Nashik", "Thane", "Aurangabad", "Solapur", "Kolhapur",
                    "Amravati", "Navi Mumbai", "Sangli", "Jalgaon", "Akola", "Latur", "Nanded", "Ahmednagar",
                    "Satara", "Dhule", "Chandrapur", "Ratnagiri", "Wardha", "Bhiwandi", "Vasai-Virar", "Panvel"),
    "Manipur": ("Imphal", "Thoubal", "Churachandpur"),
    "Meghalaya": ("Shillong", "Tura", "Jowai"),
    "Mizoram": ("Aizawl", "Lunglei"),
    "Nagaland": ("Kohima", "Dimapur", "Mokokchung"),
    "Odisha": ("Bhubaneswar", "Cuttack", "Rourkela", "Berhampur", "Sambalpur", "Puri", "Balasore", "Baripada"),
    "Punjab": ("Ludhiana", "Amritsar", "Jalandhar", "Patiala", "Bathinda", "Mohali", "Hoshiarpur", "Pathankot",
               "Moga", "Phagwara"),
    "Rajasthan": ("Jaipur", "Jodhpur", "Kota", "Udaipur", "Ajmer", "Bikaner", "Alwar", "Bhilwara", "Sikar",
                  "Bharatpur", "Pali", "Sri Ganganagar", "Pilani", "Chittorgarh"),
    "Sikkim": ("Gangtok", "Namchi"),
    "Tamil Nadu": ("Chennai", "Coimbatore", "Madurai", "Tiruchirappalli", "Salem", "Tirunelveli", "Vellore",
                   "Erode", "Tiruppur", "Thanjavur", "Thoothukudi", "Dindigul", "Kanchipuram", "Nagercoil", "Karur",
                   "Hosur", "Kumbakonam", "Pollachi", "Sivakasi"),
    "Telangana": ("Hyderabad", "Warangal", "Nizamabad", "Karimnagar", "Khammam", "Secunderabad", "Mahbubnagar",
                  "Nalgonda", "Siddipet"),
    "Tripura": ("Agartala", "Dharmanagar", "Kailashahar"),
    "Uttar Pradesh": ("Lucknow", "Kanpur", "Noida", "Ghaziabad", "Agra", "Varanasi", "Prayagraj", "Meerut",
                      "Bareilly", "Aligarh", "Moradabad", "Gorakhpur", "Jhansi", "Saharanpur", "Mathura",
                      "Firozabad", "Ayodhya", "Greater Noida", "Muzaffarnagar", "Shahjahanpur", "Rampur", "Etawah",
                      "Sultanpur", "Azamgarh", "Bulandshahr", "Mirzapur", "Bahraich", "Lakhimpur"),
    "Uttarakhand": ("Dehradun", "Haridwar", "Roorkee", "Haldwani", "Rishikesh", "Nainital", "Rudrapur"),
    "West Bengal": ("Kolkata", "Howrah", "Durgapur", "Asansol", "Siliguri", "Kharagpur", "Bardhaman", "Malda",
                    "Haldia", "Krishnanagar", "Kalyani", "Darjeeling"),
    "Andaman and Nicobar Islands": ("Port Blair",),
    "Chandigarh": ("Chandigarh",),
    "Dadra and Nagar Haveli and Daman and Diu": ("Silvassa", "Daman", "Diu"),
    "Delhi": ("New Delhi", "Delhi"),
    "Jammu and Kashmir": ("Srinagar", "Jammu", "Anantnag", "Baramulla", "Udhampur", "Katra"),
    "Ladakh": ("Leh", "Kargil"),
    "Lakshadweep": ("Kavaratti",),
    "Puducherry": ("Puducherry", "Karaikal", "Mahe", "Yanam"),
}
METROS = frozenset({"Mumbai", "New Delhi", "Bengaluru", "Chennai", "Kolkata", "Hyderabad", "Pune", "Ahmedabad"})

# The first digit of a PIN code is the postal region.
PIN_REGION: dict[str, int] = {
    "Delhi": 1, "Haryana": 1, "Punjab": 1, "Himachal Pradesh": 1, "Jammu and Kashmir": 1, "Ladakh": 1,
    "Chandigarh": 1, "Uttar Pradesh": 2, "Uttarakhand": 2, "Rajasthan": 3, "Gujarat": 3,
    "Dadra and Nagar Haveli and Daman and Diu": 3, "Maharashtra": 4, "Madhya Pradesh": 4, "Chhattisgarh": 4,
    "Goa": 4, "Andhra Pradesh": 5, "Telangana": 5, "Karnataka": 5, "Tamil Nadu": 6, "Kerala": 6,
    "Puducherry": 6, "Lakshadweep": 6, "West Bengal": 7, "Odisha": 7, "Assam": 7, "Arunachal Pradesh": 7,
    "Manipur": 7, "Meghalaya": 7, "Mizoram": 7, "Nagaland": 7, "Tripura": 7, "Sikkim": 7,
    "Andaman and Nicobar Islands": 7, "Bihar": 8, "Jharkhand": 8,
}

NAME_PREFIXES = (
    "Saraswati", "Ganga", "Yamuna", "Narmada", "Kaveri", "Godavari", "Krishna Valley", "Himalaya", "Vindhya",
    "Sahyadri", "Aravalli", "Nilgiri", "Aryabhata", "Vivekananda", "Tagore", "Raman", "Bhaskara", "Chanakya",
    "Shivaji", "Ashoka", "Gyan Deep", "Vidya Jyoti", "Shanti Niketan", "Navodaya", "Pragati", "Unnati", "Prerna",
    "Sankalp", "Disha", "Akshara", "Amrita", "Deccan", "Coromandel", "Malabar", "Konkan", "Gulmohar", "Ashoka Grove",
    "Lotus", "Banyan", "Neem Tree", "Sunrise", "Morning Star", "Silver Oak", "Green Valley", "Blue Bells", "Dhruv",
    "Arjun", "Eklavya", "Nalanda", "Takshashila", "Vikramshila", "Kalinga", "Magadh", "Avanti", "Kashi", "Ujjayini",
    "Meghdoot", "Sapthagiri", "Sri Venkateswara", "Sri Sai", "Holy Cross", "St. Xavier's", "St. Joseph's",
    "Don Bosco", "Loyola", "Mount Carmel", "Carmel Hill", "Bharati", "Lokmanya", "Rajarshi", "Maharshi",
    "Jnana Sagara", "Vidya Vardhini", "Sri Chaitanya", "Pioneer", "Summit", "Apex", "Zenith", "Horizon", "Vertex",
    "Quantum", "Catalyst", "Momentum", "Pinnacle", "Crescent", "Heritage", "Modern", "National", "Progressive",
)

INSTITUTION_KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    # type: ((name pattern, course pool), ...); "{p}" is a prefix or the city.
    "university": (("{p} University", "university"), ("{p} Global University", "university"),
                   ("{p} University of Technology", "engineering"), ("{p} Vishwavidyalaya", "university"),
                   ("{p} Institute of Medical Sciences", "medical"), ("{p} National Law University", "law")),
    "college": (("{p} College of Engineering", "engineering"), ("{p} Institute of Technology", "engineering"),
                ("{p} College of Arts and Science", "arts"), ("{p} College of Commerce", "arts"),
                ("{p} Medical College", "medical"), ("{p} College of Pharmacy", "pharmacy"),
                ("{p} Institute of Management", "management"), ("{p} School of Business", "management"),
                ("{p} College of Law", "law"), ("{p} College of Education", "education"),
                ("{p} School of Architecture", "architecture"), ("{p} College of Nursing", "nursing")),
    "school": (("{p} Public School", "school"), ("{p} Vidya Mandir", "school"), ("{p} Convent School", "school"),
               ("{p} International School", "school"), ("{p} Senior Secondary School", "school"),
               ("{p} Vidyalaya", "school")),
    "coaching": (("{p} IAS Academy", "civil_services"), ("{p} Classes", "entrance"), ("{p} JEE Academy", "entrance"),
                 ("{p} NEET Academy", "entrance"), ("{p} CAT Academy", "management_tests"),
                 ("{p} Tutorials", "entrance"), ("{p} Career Institute", "jobs")),
}
TYPE_WEIGHTS = {"college": 50, "school": 25, "coaching": 15, "university": 10}


class CourseTemplate(NamedTuple):
    name: str
    specialisation: str | None
    level: str
    duration: str
    fee_low: int
    fee_high: int


def _courses(level: str, duration: str, low: int, high: int, *names: str) -> tuple[CourseTemplate, ...]:
    """Courses sharing level, duration and fee band; 'B.Tech: Civil Engineering' carries a specialisation."""
    made = []
    for name in names:
        base, _, special = name.partition(": ")
        made.append(CourseTemplate(base, special or None, level, duration, low, high))
    return tuple(made)


COURSE_POOLS: dict[str, tuple[CourseTemplate, ...]] = {
    "engineering": _courses("undergraduate", "4 years", 80_000, 350_000, "B.Tech: Computer Science and Engineering",
                            "B.Tech: Electronics and Communication Engineering", "B.Tech: Mechanical Engineering",
                            "B.Tech: Civil Engineering", "B.Tech: Electrical Engineering",
                            "B.Tech: Artificial Intelligence and Machine Learning", "B.Tech: Information Technology",
                            "B.Tech: Chemical Engineering", "B.Tech: Biotechnology")
    + _courses("postgraduate", "2 years", 60_000, 250_000, "M.Tech: VLSI Design", "M.Tech: Structural Engineering",
               "M.Tech: Data Science", "MCA", "MBA: Technology Management")
    + _courses("diploma", "3 years", 25_000, 90_000, "Diploma: Mechanical Engineering",
               "Diploma: Electrical Engineering")
    + _courses("doctoral", "3 years", 40_000, 150_000, "Ph.D: Engineering"),
    "medical": _courses("undergraduate", "5.5 years", 150_000, 2_500_000, "MBBS")
    + _courses("undergraduate", "5 years", 120_000, 900_000, "BDS")
    + _courses("undergraduate", "4 years", 60_000, 250_000, "B.Sc: Nursing", "BPT")
    + _courses("postgraduate", "3 years", 200_000, 3_000_000, "MD: General Medicine", "MD: Paediatrics",
               "MS: General Surgery", "MS: Orthopaedics")
    + _courses("certificate", "1 year", 20_000, 60_000, "Certificate: Emergency Medical Care"),
    "pharmacy": _courses("undergraduate", "4 years", 60_000, 200_000, "B.Pharm")
    + _courses("postgraduate", "2 years", 80_000, 250_000, "M.Pharm: Pharmaceutics", "M.Pharm: Pharmacology")
    + _courses("diploma", "2 years", 40_000, 100_000, "D.Pharm")
    + _courses("undergraduate", "6 years", 100_000, 300_000, "Pharm.D"),
    "arts": _courses("undergraduate", "3 years", 15_000, 120_000, "B.Com: Honours", "B.Com: Accounting and Taxation",
                     "BA: English", "BA: Economics", "BA: Political Science", "BA: History", "B.Sc: Physics",
                     "B.Sc: Chemistry", "B.Sc: Mathematics", "B.Sc: Computer Science", "BBA", "BCA")
    + _courses("postgraduate", "2 years", 20_000, 150_000, "M.Com", "MA: English", "MA: Economics",
               "M.Sc: Chemistry", "M.Sc: Mathematics")
    + _courses("certificate", "6 months", 5_000, 30_000, "Certificate: Digital Marketing", "Certificate: Tally"),
    "management": _courses("postgraduate", "2 years", 200_000, 2_400_000, "MBA: Finance", "MBA: Marketing",
                           "MBA: Human Resources", "MBA: Business Analytics", "PGDM")
    + _courses("postgraduate", "1 year", 300_000, 2_000_000, "Executive MBA")
    + _courses("undergraduate", "3 years", 80_000, 400_000, "BBA", "BMS")
    + _courses("doctoral", "4 years", 100_000, 300_000, "Fellow Programme in Management"),
    "law": _courses("undergraduate", "5 years", 60_000, 350_000, "BA LLB", "BBA LLB")
    + _courses("undergraduate", "3 years", 40_000, 200_000, "LLB")
    + _courses("postgraduate", "1 year", 50_000, 250_000, "LLM: Corporate Law", "LLM: Constitutional Law"),
    "education": _courses("undergraduate", "2 years", 30_000, 120_000, "B.Ed", "B.P.Ed")
    + _courses("postgraduate", "2 years", 35_000, 120_000, "M.Ed")
    + _courses("diploma", "2 years", 20_000, 70_000, "D.El.Ed"),
    "architecture": _courses("undergraduate", "5 years", 120_000, 400_000, "B.Arch")
    + _courses("postgraduate", "2 years", 100_000, 300_000, "M.Arch: Urban Design", "M.Plan")
    + _courses("undergraduate", "4 years", 150_000, 450_000, "B.Des: Interior Design",
               "B.Des: Communication Design"),
    "nursing": _courses("undergraduate", "4 years", 50_000, 200_000, "B.Sc: Nursing")
    + _courses("diploma", "3 years", 30_000, 100_000, "GNM")
    + _courses("undergraduate", "2 years", 40_000, 120_000, "Post Basic B.Sc: Nursing")
    + _courses("postgraduate", "2 years", 80_000, 250_000, "M.Sc: Nursing"),
    "school": _courses("school", "2 years", 20_000, 150_000, "Nursery and KG")
    + _courses("school", "5 years", 20_000, 200_000, "Class 1-5", "Class 6-10")
    + _courses("school", "2 years", 25_000, 250_000, "Class 11-12 Science", "Class 11-12 Commerce",
               "Class 11-12 Humanities"),
    "entrance": _courses("coaching", "2 years", 80_000, 350_000, "JEE Main and Advanced: Two-year classroom",
                         "NEET: Two-year classroom")
    + _courses("coaching", "1 year", 60_000, 250_000, "JEE Main and Advanced: Repeater batch",
               "NEET: Repeater batch", "KVPY and Olympiad")
    + _courses("coaching", "6 months", 15_000, 60_000, "JEE Main: Crash course", "NEET: Test series"),
    "civil_services": _courses("coaching", "1 year", 80_000, 220_000, "UPSC Civil Services: Prelims and Mains",
                               "State PSC: Prelims and Mains")
    + _courses("coaching", "6 months", 25_000, 90_000, "UPSC Civil Services: Optional subject",
               "UPSC Civil Services: Interview guidance", "CSAT"),
    "management_tests": _courses("coaching", "1 year", 40_000, 110_000, "CAT: Regular classroom batch",
                                 "CAT: Weekend batch")
    + _courses("coaching", "4 months", 20_000, 80_000, "GMAT", "IPMAT", "CLAT", "XAT and SNAP"),
    "jobs": _courses("coaching", "6 months", 10_000, 50_000, "SSC CGL", "Bank PO", "Railway NTPC", "GATE")
    + _courses("coaching", "1 year", 30_000, 120_000, "CA Foundation", "CA Intermediate"),
}
# A university teaches across several schools.
COURSE_POOLS["university"] = (COURSE_POOLS["engineering"][:8] + COURSE_POOLS["management"][:4]
                              + COURSE_POOLS["arts"][:10] + COURSE_POOLS["law"][:2] + COURSE_POOLS["architecture"][-2:])

APPROVALS_BY_POOL: dict[str, tuple[str, ...]] = {
    "university": ("UGC",), "engineering": ("AICTE",), "medical": ("NMC",), "pharmacy": ("PCI",), "arts": ("UGC",),
    "management": ("AICTE",), "law": ("BCI",), "education": ("NCTE",), "architecture": ("COA",),
    "nursing": ("INC",), "school": ("CBSE", "ICSE", "State Board"),
}

FACILITIES: dict[str, tuple[str, ...]] = {
    "higher": ("Central library with digital journals", "Hostels for men and women", "Air-conditioned hostels",
               "Wi-Fi across campus", "Indoor sports complex", "Cricket ground", "Gymnasium", "Food court",
               "Cafeteria", "Auditorium", "Incubation centre", "Makerspace and fabrication lab", "Medical room",
               "College buses across the city", "Placement cell", "Language lab", "Seminar halls", "Solar rooftop"),
    "school": ("Science and robotics labs", "Library", "Smart classrooms", "Swimming pool", "Playground",
               "Music and dance rooms", "School buses", "Art studio", "Astronomy club with a telescope",
               "Infirmary with a nurse", "Basketball court", "Computer lab"),
    "coaching": ("Air-conditioned classrooms", "Mock test portal", "Doubt-clearing desks", "Library of past papers",
                 "Self-study hall open till late", "Recorded lectures", "Hostel tie-ups nearby",
                 "Group discussion and interview practice rooms", "Cafeteria"),
}

ROADS = ("MG Road", "Station Road", "Civil Lines", "Ring Road", "College Road", "Nehru Nagar", "Gandhi Marg",
         "University Road", "Main Road", "Link Road", "Temple Street", "Lake View Road", "Industrial Area",
         "Sector 12", "Sector 21", "Old Market", "Cantonment", "Hill Road", "Highway Bypass", "Rajaji Nagar")

FIRST_NAMES = ("Aarav", "Aditi", "Aditya", "Akash", "Ananya", "Anjali", "Arjun", "Ayesha", "Bhavna", "Chetan",
               "Deepika", "Devika", "Divya", "Farhan", "Gaurav", "Harpreet", "Ishaan", "Jaya", "Karthik", "Kavya",
               "Lakshmi", "Manish", "Meera", "Mohit", "Nandini", "Neha", "Nikhil", "Pooja", "Pranav", "Priya",
               "Rahul", "Rajesh", "Riya", "Rohan", "Sahil", "Sakshi", "Sanjay", "Shreya", "Siddharth", "Sneha",
               "Suresh", "Tanvi", "Tanya", "Varun", "Vikram", "Vivek", "Yash", "Zoya", "Fatima", "Joseph",
               "Mary", "Gurpreet", "Lalremruata", "Tenzin", "Bhupen", "Sayantani", "Anirban", "Kiran", "Mohammed")
INITIALS = "ABCDEGHIJKLMNPRSTVY"

ASPECT_NOUNS = {"faculty": "teaching", "infrastructure": "infrastructure", "placements": "placements",
                "campus_life": "campus life", "value_for_money": "value for money"}
PRAISE = ("Excellent", "Really good", "Solid", "Strong", "Impressive", "Dependable", "Great")
CRITICISM = ("Weak", "Poor", "Disappointing", "Patchy", "Overrated", "Below average")

REVIEW_SENTENCES: dict[str, tuple[str, ...]] = {
    "good": (
        "The faculty in {course} know their subject and are happy to stay back to clear doubts.",
        "Labs are well equipped and we got enough hands-on time every week.",
        "The placement cell brought in companies from {city} and beyond, and most of my batch got offers.",
        "Campus life is lively, with clubs, fests and sports events almost every month.",
        "For the fees they charge, I think the value is good compared with other places in {city}.",
        "The library stays open late during exams, which helped a lot.",
        "Seniors and alumni are very supportive and mentor juniors for internships.",
        "Classes start on time and the syllabus is finished well before the exams.",
        "The hostel food is simple but clean, and the rooms are maintained well.",
        "Teachers give regular tests and return them with detailed feedback.",
    ),
    "mixed": (
        "Some professors in {course} are excellent, while others just read from slides.",
        "The infrastructure is fine, but the Wi-Fi drops often in the hostels.",
        "Placements are good for the top of the batch and thin for everyone else.",
        "Fees went up twice during my course, which nobody told us about at admission.",
        "The campus is small for the number of students, so the canteen gets crowded.",
        "Administration is slow; getting a bonafide certificate took two weeks.",
        "Attendance rules are strict, which some students found hard with internships.",
        "The location in {city} is convenient, though the commute takes time in traffic.",
    ),
    "bad": (
        "Teaching in {course} was mostly reading from old notes with little discussion.",
        "Labs were short of equipment and many practicals happened only on paper.",
        "Very few companies came for placements and the cell rarely replied to emails.",
        "Hidden charges for events, exams and the hostel deposit added up quickly.",
        "Classrooms were overcrowded and the fans in several rooms did not work.",
        "Complaints to the office were ignored until parents got involved.",
        "I would not recommend it for {course} at this fee; compare carefully before joining.",
    ),
}

DESCRIPTION_SENTENCES: dict[str, tuple[str, ...]] = {
    "history": (
        "{name} was founded in {established} in {city}, {state}, and has grown steadily since then.",
        "It began in {established} with a handful of classrooms and a single programme, and today it "
        "enrols students from across {state} and neighbouring states.",
        "The institution traces its origins to a trust set up by local educators in {established}.",
        "Over the decades it has built a reputation in {city} for disciplined teaching and fair admissions.",
    ),
    "campus": (
        "The campus sits off {road} and is a short ride from the main railway station of {city}.",
        "Its buildings are arranged around a central quadrangle shaded by old neem and gulmohar trees.",
        "Students mention the {facility} as one of the most useful parts of the campus.",
        "Facilities include a {facility} and a {facility2}, both open to every student.",
        "A new academic block was added recently to make room for more classrooms and laboratories.",
    ),
    "courses": (
        "Its best known programme is {course}, which draws applicants from all over the region.",
        "Besides {course}, it offers {course2} and several shorter programmes.",
        "The {course} programme is revised every few years with inputs from industry and alumni.",
        "Class sizes in {course2} are small, so teachers know most students by name.",
        "Projects, seminars and internships are built into the {course} curriculum rather than added at the end.",
    ),
    "admissions": (
        "Admission is through merit in the qualifying examination and, for some programmes, an entrance test.",
        "Applications usually open in spring, and seats in popular programmes fill within weeks.",
        "A share of seats is reserved as per state and central rules, and scholarships are offered on merit.",
        "Counselling sessions are held on campus for families before admission is confirmed.",
    ),
    "fees": (
        "Yearly fees range from about {fee_low} to {fee_high}, depending on the programme.",
        "Students say the fees are moderate for {city}, although hostel charges are extra.",
        "Fee waivers are available for students from families with low incomes.",
    ),
    "outcomes": (
        "Graduates work across {state} and beyond, in companies, hospitals, schools and public service.",
        "An active alumni network helps with mentoring, internships and first jobs.",
        "Results in university and board examinations have been consistently above the state average.",
        "Students take part in inter-college competitions, sports meets and cultural festivals every year.",
    ),
}
