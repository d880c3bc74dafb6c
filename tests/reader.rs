//! Reader mode through the public API: the article and nothing else, metadata, tidy HTML,
//! pages without an article.

use stripwall::{Cleaned, Cleaner, Mode, Options, Preset, ReaderOutcome};

fn reader(options: Options) -> Cleaner {
    Cleaner::new(Options {
        mode: Mode::Reader,
        ..options
    })
    .unwrap()
}

fn read(html: &str) -> Cleaned {
    reader(Options::default()).clean_str(html).unwrap()
}

const PROSE: &str = "The council met on Tuesday evening, and after a long debate, it approved the plan \
    for the new bridge, which will cost twelve million and open in three years.";

fn story(paragraphs: usize) -> String {
    (0..paragraphs).map(|i| format!("<p>{i}: {PROSE}</p>")).collect()
}

#[test]
fn keeps_the_article_and_drops_the_page_around_it() {
    let page = format!(
        r#"<html><head><title>Bridge approved | City News</title></head><body>
        <header><a href="/">City News</a><ul class="menu"><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></header>
        <div class="layout"><div class="main-column"><article><h1>Bridge approved</h1>
        <div class="byline">By Ann Lee</div>{}</article></div>
        <div class="rail"><h3>Most read</h3><ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul></div></div>
        <footer>© 2026 City News. All rights reserved.</footer></body></html>"#,
        story(5)
    );
    let cleaned = read(&page);
    let text = cleaned.text();
    assert!(
        text.contains("0: The council met") && text.contains("4: The council met"),
        "{text}"
    );
    for gone in [
        "City News",
        "Politics",
        "Most read",
        "Other story",
        "All rights reserved",
        "By Ann Lee",
        "Bridge approved",
    ] {
        assert!(!text.contains(gone), "{gone:?} should be gone:\n{text}");
    }
    let summary = cleaned.report.reader.unwrap();
    assert_eq!(summary.outcome, ReaderOutcome::Article);
    assert!(summary.text_chars > 500);
    let meta = cleaned.report.metadata.unwrap();
    assert_eq!(meta.title.as_deref(), Some("Bridge approved"));
    assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_page_without_an_article_gives_the_cleaned_page_and_says_so() {
    let page = r#"<body><h1>Shop</h1><div class="grid"><div><h2>Lamp</h2><p>20 euros</p></div>
        <div><h2>Chair</h2><p>45 euros</p></div><div><h2>Table</h2><p>90 euros</p></div></div></body>"#;
    let cleaned = read(page);
    assert_eq!(cleaned.report.reader.unwrap().outcome, ReaderOutcome::WholePage);
    assert!(
        cleaned.report.warnings.iter().any(|w| w.contains("no one article")),
        "{:?}",
        cleaned.report.warnings
    );
    assert!(
        cleaned.html.contains("Lamp") && cleaned.html.contains("Chair"),
        "{}",
        cleaned.html
    );
}

#[test]
fn empty_and_junk_input_give_empty_or_best_effort_output() {
    let cleaned = read("");
    assert_eq!(cleaned.html, "");
    assert!(cleaned.report.warnings.iter().any(|w| w.contains("empty")));
    let junk: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let (out, report) = reader(Options::default()).clean_bytes(&junk).unwrap();
    assert!(report.reader.is_some());
    let _ = out;
    let deep = format!("{}{}", "<div>".repeat(50_000), story(3));
    let cleaned = read(&deep);
    assert!(cleaned.text().contains("2: The council met"));
}

#[test]
fn metadata_comes_from_json_ld_open_graph_and_time() {
    let page = format!(
        r#"<html lang="fr" dir="ltr"><head>
        <meta property="og:site_name" content="Le Journal">
        <meta property="og:image" content="/img/lead.jpg">
        <meta name="description" content="Le pont est approuvé.">
        <link rel="canonical" href="https://journal.example/ville/pont">
        <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"Le pont approuvé","datePublished":"2026-03-01T08:00:00Z","dateModified":"2026-03-02T09:00:00Z",
          "author":[{{"@type":"Person","name":"Ann Lee"}},{{"@type":"Person","name":"Bo Li"}}]}}</script>
        </head><body><article>{}</article></body></html>"#,
        story(4)
    );
    let meta = read(&page).report.metadata.unwrap();
    assert_eq!(meta.title.as_deref(), Some("Le pont approuvé"));
    assert_eq!(meta.authors, ["Ann Lee", "Bo Li"]);
    assert_eq!(meta.byline.as_deref(), Some("Ann Lee, Bo Li"));
    assert_eq!(meta.published.as_deref(), Some("2026-03-01T08:00:00Z"));
    assert_eq!(meta.modified.as_deref(), Some("2026-03-02T09:00:00Z"));
    assert_eq!(meta.site_name.as_deref(), Some("Le Journal"));
    assert_eq!((meta.lang.as_deref(), meta.dir.as_deref()), (Some("fr"), Some("ltr")));
    assert_eq!(meta.excerpt.as_deref(), Some("Le pont est approuvé."));
    assert_eq!(
        meta.canonical_url.as_deref(),
        Some("https://journal.example/ville/pont")
    );
    assert_eq!(meta.image.as_deref(), Some("https://journal.example/img/lead.jpg"));
}

#[test]
fn article_html_is_tidy_with_absolute_links_and_resolved_lazy_images() {
    let page = format!(
        r#"<article class="story" style="color:red" onclick="track()">
        <p class="lead" data-x="1">See <a href="../more.html" class="link" target="_blank">more</a>.</p>{}
        <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg" alt="A bridge" class="lazy">
        <figcaption>The bridge</figcaption></figure>
        <img data-srcset="/img/b-1x.jpg 1x, /img/b-2x.jpg 2x" alt="b">
        <pre class="highlight language-rust"><code>let x = 1;</code></pre></article>"#,
        story(4)
    );
    let cleaner = reader(Options {
        url: Some("https://news.example/city/bridge/index.html".into()),
        ..Options::default()
    });
    let html = cleaner.clean_str(&page).unwrap().html;
    assert!(
        html.contains(r#"<a href="https://news.example/city/more.html">more</a>"#),
        "{html}"
    );
    assert!(html.contains(r#"src="https://news.example/img/a.jpg""#), "{html}");
    assert!(
        html.contains(r#"srcset="https://news.example/img/b-1x.jpg 1x, https://news.example/img/b-2x.jpg 2x""#),
        "{html}"
    );
    assert!(html.contains("<figcaption>The bridge</figcaption>"), "{html}");
    assert!(html.contains(r#"<pre class="language-rust">"#), "{html}");
    for gone in ["style=", "onclick", "data-x", "target=", "class=\"lead\"", "data:image"] {
        assert!(!html.contains(gone), "{gone} should be gone: {html}");
    }
    // Callers may keep more attributes.
    let keeping = reader(Options {
        keep_attributes: vec!["class".into()],
        ..Options::default()
    });
    assert!(keeping.clean_str(&page).unwrap().html.contains(r#"class="lead""#));
}

#[test]
fn script_links_lose_their_address() {
    let page = format!(
        r#"<article><p><a href=" javascript:alert(1)">x</a> {PROSE}</p>{}</article>"#,
        story(3)
    );
    let html = read(&page).html;
    assert!(!html.contains("javascript:"), "{html}");
}

#[test]
fn presets_trade_recall_for_precision() {
    // A weaker sibling block beside the article: recall keeps it, precision does not.
    let page = format!(
        r#"<body><div id="wrap"><div class="story">{}</div>
        <div class="note"><p>{NOTE}</p><p>{NOTE_2}</p></div></div></body>"#,
        story(12)
    );
    // Text of its own: a copy of the story's text would go as a copy in either preset.
    const NOTE: &str = "The ferry service across the river will run until the bridge opens, with an \
        extra boat at rush hour and a lower fare for students and pensioners.";
    const NOTE_2: &str = "Residents of the east bank asked for a footpath on the bridge, and the \
        engineers said one could be added without delaying the works by more than a month.";
    let text_of = |preset| {
        reader(Options {
            preset,
            ..Options::default()
        })
        .clean_str(&page)
        .unwrap()
        .text()
    };
    let (precision, recall) = (text_of(Preset::Precision), text_of(Preset::Recall));
    assert!(
        recall.len() > precision.len(),
        "precision:\n{precision}\nrecall:\n{recall}"
    );
    assert!(precision.contains("11: The council met"));
}

#[test]
fn reader_output_arrives_at_the_end_of_the_stream() {
    let cleaner = reader(Options::default());
    let page = format!("<article>{}</article>", story(4));
    let out = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = out.clone();
    let mut stream = cleaner.stream(move |b: &[u8]| sink.borrow_mut().extend_from_slice(b));
    for chunk in page.as_bytes().chunks(50) {
        stream.write(chunk).unwrap();
        assert!(out.borrow().is_empty(), "reader mode wrote before the end of the input");
    }
    stream.end().unwrap();
    assert!(String::from_utf8(out.take()).unwrap().contains("3: The council met"));
}

#[test]
fn quick_readerable_check() {
    assert!(stripwall::is_probably_readerable(&format!(
        "<article>{}</article>",
        story(6)
    )));
    assert!(!stripwall::is_probably_readerable(
        r#"<ul><li><a href="/a">Home</a></li><li><a href="/b">Shop</a></li></ul><p>Welcome.</p>"#
    ));
    // Paragraphs in boilerplate-named blocks do not count.
    assert!(!stripwall::is_probably_readerable(&format!(
        r#"<div class="comments">{}</div>"#,
        story(6).replace("<p>", r#"<p class="comment">"#)
    )));
}

#[test]
fn markdown_of_the_article() {
    let page = format!(
        r#"<article><h2>Costs</h2>{}<ul><li>steel</li><li>labour</li></ul>
        <table><tr><th>Item</th><th>Cost</th></tr><tr><td>Steel</td><td>4M</td></tr></table></article>"#,
        story(4)
    );
    let md = read(&page).markdown();
    assert!(md.contains("## Costs\n\n0: The council met"), "{md}");
    assert!(md.contains("- steel\n- labour"), "{md}");
    assert!(md.contains("| Item | Cost |\n| --- | --- |\n| Steel | 4M |"), "{md}");
}

#[test]
fn a_noscript_fallback_gives_the_real_image_and_nothing_else() {
    let page = format!(
        r#"<article>{}<figure><img src="data:image/gif;base64,R0lGOD" class="lazyload">
        <noscript><img src="/img/real.jpg" alt="The real one" onerror="alert(1)"><script>alert(2)</script></noscript>
        <figcaption>Caption</figcaption></figure>{}</article>"#,
        story(2),
        story(2)
    );
    let html = reader(Options {
        url: Some("https://news.example/a".into()),
        ..Options::default()
    })
    .clean_str(&page)
    .unwrap()
    .html;
    assert!(
        html.contains(r#"<img src="https://news.example/img/real.jpg" alt="The real one">"#),
        "{html}"
    );
    assert!(
        !html.contains("alert") && !html.contains("data:image") && !html.contains("noscript"),
        "{html}"
    );
}

/// The reader's metadata of `head` and `body`, on a page `kind` says (via `og:type`).
fn metadata_of(og_type: &str, head: &str, body: &str) -> stripwall::Metadata {
    let page =
        format!(r#"<html><head><meta property="og:type" content="{og_type}">{head}</head><body>{body}</body></html>"#);
    read(&page).report.metadata.unwrap()
}

#[test]
fn a_date_written_under_the_headline_is_the_publication_date() {
    let body = format!(
        r#"<article><h1>Bridge approved</h1><p class="dek">The council says yes to the new crossing.</p>
        <div class="meta"><span>Last updated</span><span>Aug 4, 2025</span></div>{}</article>"#,
        story(4)
    );
    assert_eq!(
        metadata_of("article", "", &body).published.as_deref(),
        Some("2025-08-04")
    );
    // Day first, with dots, is how much of Europe writes it.
    let body = body.replace("Aug 4, 2025", "04.08.2025");
    assert_eq!(
        metadata_of("article", "", &body).published.as_deref(),
        Some("2025-08-04")
    );
    // Metadata the page states wins over text, and non-ISO values become dates.
    let head = r#"<meta property="article:published_time" content="Feb 08, 2022">"#;
    assert_eq!(
        metadata_of("article", head, &body).published.as_deref(),
        Some("2022-02-08")
    );
    // A date far below the headline is some paragraph's, not the article's.
    let late = format!(
        "<article><h1>Bridge approved</h1>{}<p>The last bridge opened on March 3, 1990.</p></article>",
        story(6)
    );
    assert_eq!(metadata_of("article", "", &late).published, None);
}

#[test]
fn a_product_page_has_no_publication_date_from_its_reviews() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Oak lamp",
        "review":[{"@type":"Review","author":{"@type":"Person","name":"Pat"},"datePublished":"2024-05-01"}]}</script>"#;
    let body = format!(
        r#"<h1>Oak lamp</h1><p>In stock since March 3, 2024.</p>{}<div class="reviews"><time itemprop="datePublished" datetime="2024-05-02">2 May</time></div>"#,
        story(3)
    );
    let meta = metadata_of("product", head, &body);
    assert_eq!(meta.published, None);
    assert!(meta.authors.is_empty(), "{:?}", meta.authors);
}

#[test]
fn authors_from_microdata_bylines_in_text_and_graph_references() {
    // A forum post's microdata names its author inside a user card.
    let body = format!(
        r#"<div itemprop="author" itemscope><a itemprop="name" href="/u/ryebread">ryebread</a> <span>Member since 2019 · 412 posts</span></div>{}"#,
        story(4)
    );
    assert_eq!(metadata_of("article", "", &body).authors, ["ryebread"]);
    // "Written by" in one element and the name in the next.
    let body = format!("<h1>Bridge approved</h1><p>Written by</p><p>Edda Tabor</p>{}", story(4));
    assert_eq!(metadata_of("article", "", &body).authors, ["Edda Tabor"]);
    // A JSON-LD author given as a reference to the graph's person.
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"Article","headline":"Bridge approved","author":{"@id":"https://x.example/#/person/1"}},
        {"@type":"Person","@id":"https://x.example/#/person/1","name":"Ann Lee"}]}</script>"#;
    assert_eq!(metadata_of("article", head, &story(4)).authors, ["Ann Lee"]);
    // A byline that holds only a month or a label names no one.
    let body = format!(
        r#"<h1>Bridge approved</h1><span class="byline">October</span>{}"#,
        story(4)
    );
    assert_eq!(metadata_of("article", "", &body).byline, None);
}

#[test]
fn a_thread_and_a_question_give_their_first_post_s_author_and_date() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage",
        "mainEntity":{"@type":"Question","name":"Why does my starter smell?","author":{"@type":"Person","name":"ryebread"},
        "datePublished":"2026-03-02T09:14:00Z","acceptedAnswer":{"@type":"Answer","author":{"@type":"Person","name":"crumbshot"}}}}</script>"#;
    let meta = metadata_of("website", head, &story(4));
    assert_eq!(meta.authors, ["ryebread"]);
    assert_eq!(meta.published.as_deref(), Some("2026-03-02T09:14:00Z"));
}

#[test]
fn the_title_is_the_headline_when_the_social_title_is_a_pitch() {
    let head = r#"<title>Fitness trends 2025: nine to watch | Gym Weekly</title>
        <meta property="og:title" content="You won't believe these 9 fitness trends">"#;
    let body = format!("<h1>Nine fitness trends to keep an eye on in 2025</h1>{}", story(4));
    assert_eq!(
        metadata_of("article", head, &body).title.as_deref(),
        Some("Nine fitness trends to keep an eye on in 2025")
    );
    // Where the social title is the page's title, it stays.
    let head = r#"<title>Bridge approved after long debate | City News</title>
        <meta property="og:title" content="Bridge approved after long debate">"#;
    let body = format!("<h1>Council meeting notes</h1>{}", story(4));
    assert_eq!(
        metadata_of("website", head, &body).title.as_deref(),
        Some("Bridge approved after long debate")
    );
}

#[test]
fn a_table_layout_with_a_self_closed_row_keeps_the_rows_after_it() {
    // Old table layouts write a spacer row as `<tr/>`: HTML opens a row there (the slash means
    // nothing) and the next `<tr>` closes it. The listing after it is the page's content.
    let rows: String = (1..=12)
        .map(|i| {
            format!(
                r#"<tr class="item"><td>{i}.</td><td><a href="/item/{i}">Startup number {i} is hiring engineers to build its database</a> (example.com)</td></tr><tr><td></td><td>{i} hours ago</td></tr>"#
            )
        })
        .collect();
    let page = format!(
        r#"<html><head><title>jobs | Board</title></head><body><center><table id="main"><tr><td><a href="/">Board</a> | <a href="/new">new</a></td></tr>
        <tr style="height:10px"/><tr id="box"><td><div>These are jobs at startups we funded.</div><table>{rows}</table></td></tr></table></center></body></html>"#
    );
    let cleaned = read(&page);
    assert!(
        cleaned.text().contains("Startup number 1 is hiring"),
        "{}",
        cleaned.html
    );
    assert!(
        cleaned.text().contains("Startup number 12 is hiring"),
        "{}",
        cleaned.html
    );
    assert!(
        cleaned.report.warnings.iter().all(|w| !w.contains("no text")),
        "{:?}",
        cleaned.report.warnings
    );
}

#[test]
fn metadata_is_not_fooled_by_microdata_links_odd_bylines_or_unreadable_dates() {
    // A `<link itemprop="author">` names no text: the publisher's name after it is no author.
    let body = format!(
        r#"<article itemscope><link itemprop="author" href="/ana"><h1>Bridge approved</h1>{}
        <div itemprop="publisher" itemscope><span itemprop="name">Daily Planet</span></div></article>"#,
        story(4)
    );
    assert!(metadata_of("article", "", &body).authors.is_empty());
    // A lead-in before "by" in a byline whose first letter grows when lower-cased.
    let body = format!(
        r#"<h1>Bridge approved</h1><div class="byline">İstanbul by Ana Costa</div>{}"#,
        story(4)
    );
    assert_eq!(metadata_of("article", "", &body).byline.as_deref(), Some("Ana Costa"));
    // A sentence that starts with "By" and a weekday is no byline.
    let body = format!(
        "<h1>Bridge approved</h1><p>By Monday, Apple Inc. had shipped the parts.</p>{}",
        story(4)
    );
    assert!(metadata_of("article", "", &body).authors.is_empty());
    // A two-character name is a name.
    let body = format!(r#"<h1>Bridge approved</h1><div class="byline">李明</div>{}"#, story(4));
    assert_eq!(metadata_of("article", "", &body).byline.as_deref(), Some("李明"));
    // A stated date that names no date gives way to the next source.
    let head = r#"<meta name="date" content="20240303"><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-03T10:00:00Z"}</script>"#;
    assert_eq!(
        metadata_of("article", head, &story(4)).published.as_deref(),
        Some("2024-03-03T10:00:00Z")
    );
}

#[test]
fn a_dropped_paragraph_without_its_end_tag_takes_nothing_after_it() {
    // HTML lets a `<p>` end where the next block starts; a link-only paragraph ("READ MORE")
    // left unclosed goes alone, not with the rest of the story up to its container's end.
    let page = format!(
        r#"<html><body><article><h1>Bridge approved</h1>
        <p>First: {PROSE}
        <p><a href="/other">READ MORE: the vote last year</a>
        <p>Second: {PROSE}
        <p>Third: {PROSE}
        </article></body></html>"#
    );
    let text = read(&page).text();
    assert!(!text.contains("READ MORE"), "{text}");
    for kept in ["First: The council", "Second: The council", "Third: The council"] {
        assert!(text.contains(kept), "{kept:?} went missing:\n{text}");
    }
}

/// Clean HTML that holds a whole document pasted in as a widget (its own `<html>` and `<body>`
/// inside a `<div>`) is still a fragment, given back whole: the inner `<body>` is one more
/// wrapper, as browsers ignore a second body tag. It used to make reader mode read the
/// fragment as a page and keep only its largest block.
#[test]
fn a_fragment_holding_a_pasted_document_stays_whole() {
    let long = "We run payroll each week or month, file the returns and pay the pension providers on time. ";
    let fragment = format!(
        "<div><div><h2>Why outsource</h2><p>Short intro about payroll for growing firms.</p></div>\
         <div><p>{}</p><p>{}</p></div>\
         <div><html><head><title>Quiz</title></head><body><div><div>How long does a payroll error take to fix?</div>\
         <div>Three days.</div></div></body></html></div>\
         <div><h2>How we start</h2><p>A first call of half an hour, then one parallel month.</p></div></div>",
        long.repeat(6),
        long.repeat(5)
    );
    let text = read(&fragment).text();
    for part in [
        "Short intro about payroll",
        "How long does a payroll error",
        "A first call of half an hour",
    ] {
        assert!(text.contains(part), "{part:?} missing from:\n{text}");
    }
}

#[test]
fn stray_end_tags_around_the_article_stay_out_of_it() {
    // `<source>` is a void element, so `</source>` closes nothing: the page's stray end tags
    // are not the article's.
    let page = format!(
        r#"<html><body><div class="promo"><picture><source srcset="/a.webp"></source><img src="/a.jpg"></picture></div>
        </span></em><article><h1>Bridge approved</h1>{}</article></b><div class="rail"></source></div></body></html>"#,
        story(5)
    );
    let html = read(&page).html;
    assert!(
        html.contains("0: The council met") && html.contains("4: The council met"),
        "{html}"
    );
    for stray in ["</source>", "</span>", "</em>", "</b>"] {
        assert!(!html.contains(stray), "{stray} leaked into the article:\n{html}");
    }
}

#[test]
fn labels_only_screen_readers_read_go_as_in_stream_mode() {
    let long_hidden = "The rest of the story, which the page hides until a reader subscribes, runs on here. ".repeat(5);
    let page = format!(
        r#"<html><body><article><h1>Bridge approved</h1>{}
        <p>Read <a href="/plan">the plan<span class="sr-only"> (opens in a new window)</span></a>.
        Tickets <span class="visually-hidden">Was $30, now</span> $20.</p>
        <p><span class="sr-only">{long_hidden}</span></p></article></body></html>"#,
        story(5)
    );
    let text = read(&page).text();
    assert!(
        text.contains("0: The council met") && text.contains("Read the plan."),
        "{text}"
    );
    assert!(!text.contains("opens in a new window"), "{text}");
    // A short label stating a figure, and hidden text longer than any label, stay.
    assert!(text.contains("Was $30, now $20"), "{text}");
    assert!(text.contains("The rest of the story"), "{text}");
    // Unless hidden text is asked for.
    let kept = reader(Options {
        keep: vec![stripwall::Category::Hidden],
        ..Options::default()
    })
    .clean_str(&page)
    .unwrap()
    .text();
    assert!(kept.contains("opens in a new window"), "{kept}");
}

#[test]
fn a_fragments_title_is_metadata_not_article() {
    let page = format!("<title>Bridge approved</title><article>{}</article>", story(3));
    let cleaned = read(&page);
    assert!(cleaned.text().starts_with("0: The council met"), "{}", cleaned.text());
    assert!(!cleaned.html.contains("<title>"), "{}", cleaned.html);
    let meta = cleaned.report.metadata.unwrap();
    assert_eq!(meta.title.as_deref(), Some("Bridge approved"));
}

/// The page-kind marker stream mode writes where JSON-LD in the body changed the kind is for
/// cleaning stream output again; it never shows in reader mode's article.
#[test]
fn the_article_carries_no_page_kind_marker() {
    let page = format!(
        r#"<html><head><title>Bridge approved</title></head><body><main><article>
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Bridge approved"}}</script>
        <h1>Bridge approved</h1>{}</article></main></body></html>"#,
        story(5)
    );
    let stream = Cleaner::new(Options::default()).unwrap().clean_str(&page).unwrap().html;
    assert!(stream.contains(r#"<meta data-page-kind="article">"#), "{stream}");
    let article = read(&page).html;
    assert!(article.contains("4: The council met"), "{article}");
    assert!(
        !article.contains("<meta") && !article.contains("data-page-kind"),
        "{article}"
    );
}
