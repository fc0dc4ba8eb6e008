-- Report templates choose their cover's layout and may add a note to it (Markdown with print-only HTML).
alter table report_template
    add column cover_layout varchar(12) not null default 'CLASSIC'
        check (cover_layout in ('CLASSIC', 'BANNER', 'MINIMAL')),
    add column cover_note   text        not null default '';
