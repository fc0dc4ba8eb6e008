package io.bridgehead.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** Runs a list query's SQL and keeps it with its parameters, so benchmarks can EXPLAIN exactly what was sent. */
public final class RecordingJdbcTemplate extends NamedParameterJdbcTemplate {

    public final List<String> sql = new ArrayList<>();
    public final List<SqlParameterSource> params = new ArrayList<>();

    public RecordingJdbcTemplate(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public <T> T queryForObject(String sql, SqlParameterSource paramSource, Class<T> requiredType) {
        this.sql.add(sql);
        this.params.add(paramSource);
        return super.queryForObject(sql, paramSource, requiredType);
    }

    @Override
    public <T> List<T> query(String sql, SqlParameterSource paramSource, RowMapper<T> rowMapper) {
        this.sql.add(sql);
        this.params.add(paramSource);
        return super.query(sql, paramSource, rowMapper);
    }
}
